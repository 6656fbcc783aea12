package org.sanctionswatch.screening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;
import org.sanctionswatch.analysis.ArticleAnalyzer;
import org.sanctionswatch.article.Article;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.language.LanguageIdentifier;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleEvaluator;
import org.sanctionswatch.rules.RuleHit;
import org.sanctionswatch.rules.Ruleset;

/**
 * Screens one article: its language, one pass of the gazetteer over title and body, the transaction analysis in
 * that language, every rule, one alert per rule that fires. No I/O: the gazetteer and the rules are in memory, swapped in whole when
 * they change.
 */
public final class ScreeningEngine {

	private final ArticleAnalyzer analyzer;

	private final AlertAssembler assembler;

	private final Supplier<Gazetteer> gazetteer;

	private final Supplier<Ruleset> rules;

	private final double minScore;

	private final Clock clock;

	private final String defaultLanguage;

	public ScreeningEngine(ReferenceData reference, Supplier<Gazetteer> gazetteer, Supplier<Ruleset> rules,
			double minScore, Clock clock) {
		this(reference, gazetteer, rules, minScore, clock, "en");
	}

	/**
	 * @param defaultLanguage the language of an article that declares none and is too short to tell
	 */
	public ScreeningEngine(ReferenceData reference, Supplier<Gazetteer> gazetteer, Supplier<Ruleset> rules,
			double minScore, Clock clock, String defaultLanguage) {
		this.defaultLanguage = defaultLanguage;
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
		String language = LanguageIdentifier.get()
			.identify(article.language(), article.title(), article.body(), this.defaultLanguage);
		ArticleAnalysis analysis = this.analyzer.analyze(language, article.title(), article.body(),
				year(article.publishedAt()), g);
		List<AlertRaised> alerts = new ArrayList<>();
		for (RuleHit hit : RuleEvaluator.evaluate(ruleset, analysis)) {
			AlertRaised alert = this.assembler.assemble(article, language, analysis, hit, ruleset.version(),
					this.clock.instant());
			if (alert.score() >= this.minScore) {
				alerts.add(alert);
			}
		}
		return new Screening(alerts, analysis, ruleset.version(), g.version(), language);
	}

	// publishedAt is RFC 3339 once decoded: its year is its first four characters
	private static int year(@Nullable String publishedAt) {
		if (publishedAt == null || publishedAt.length() < 4) {
			return 0;
		}
		try {
			return Integer.parseInt(publishedAt.substring(0, 4));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
