package org.sanctionswatch.screening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;
import org.sanctionswatch.analysis.ArticleAnalyzer;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleEvaluator;
import org.sanctionswatch.rules.RuleHit;
import org.sanctionswatch.rules.Ruleset;

/**
 * Screens one article: one pass of the gazetteer over title and body, the transaction analysis, every rule,
 * one alert per rule that fires. No I/O: the gazetteer and the rules are in memory, swapped in whole when
 * they change.
 */
public final class ScreeningEngine {

	private final ArticleAnalyzer analyzer;

	private final AlertAssembler assembler;

	private final Supplier<Gazetteer> gazetteer;

	private final Supplier<Ruleset> rules;

	private final double minScore;

	private final Clock clock;

	public ScreeningEngine(ReferenceData reference, Supplier<Gazetteer> gazetteer, Supplier<Ruleset> rules,
			double minScore, Clock clock) {
		this.analyzer = new ArticleAnalyzer(reference);
		this.assembler = new AlertAssembler(reference);
		this.gazetteer = gazetteer;
		this.rules = rules;
		this.minScore = minScore;
		this.clock = clock;
	}

	/** An engine over the bundled reference data alone, for tests and tools. */
	public static ScreeningEngine standalone(Supplier<Ruleset> rules) {
		ReferenceData reference = ReferenceData.bundled();
		Gazetteer gazetteer = GazetteerHolder.build(reference, List.of());
		return new ScreeningEngine(reference, () -> gazetteer, rules, 0, Clock.systemUTC());
	}

	public Screening screen(Article article) {
		Gazetteer g = this.gazetteer.get();
		Ruleset ruleset = this.rules.get();
		ArticleAnalysis analysis = this.analyzer.analyze(article.title(), article.body(), g);
		List<AlertRaised> alerts = new ArrayList<>();
		for (RuleHit hit : RuleEvaluator.evaluate(ruleset, analysis)) {
			AlertRaised alert = this.assembler.assemble(article, analysis, hit, ruleset.version(), this.clock.instant());
			if (alert.score() >= this.minScore) {
				alerts.add(alert);
			}
		}
		return new Screening(alerts, analysis, ruleset.version(), g.version());
	}

}
