package org.sanctionswatch.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.screening.ExpectedAlertId;
import org.sanctionswatch.screening.ScreeningEngine;

/**
 * Short news articles, each labelled with the rules it must trip (none for most), as a pure function of a run
 * name and a position. The labels are the design; {@link #expectedAlertIds} checks them against the screening
 * engine over the bundled rules before any fault is injected, so a rule change shows up as a wrong label,
 * never as an alert lost or doubled by the pipeline.
 */
final class LabelledArticles {

	record Template(String text, List<String> rules) {
	}

	record LabelledArticle(String id, String body, List<String> rules) {
	}

	// Written for these tests. %1$s is a country, %2$d a number.
	private static final List<Template> FIRING = List.of(
			new Template("%1$s ordered %2$d Tor-M2 air defence systems from Almaz-Antey, its defence ministry announced.",
					List.of("CAATSA-231")),
			new Template("%1$s will buy %2$d Ka-226T helicopters from Russian Helicopters under a contract signed on Monday.",
					List.of("CAATSA-231")),
			new Template("%1$s has signed a contract with Rosoboronexport for %2$d Pantsir-S1 air defence systems.",
					List.of("CAATSA-231")),
			// Syria buying from Russia's defence sector is both a §231 and a §234 matter: two alerts
			new Template("Russia handed over %2$d T-90 tanks to the Syrian army, the defence ministry in Damascus said.",
					List.of("CAATSA-231", "CAATSA-234")),
			new Template("A group of %2$d banks from %1$s is financing the second line of TurkStream, Gazprom said.",
					List.of("CAATSA-232")));

	private static final List<Template> QUIET = List.of(
			new Template("Crowds in Moscow watched %2$d S-400 launchers roll past during a parade rehearsal.", List.of()),
			new Template("The state grain agency of %1$s bought %2$d tonnes of Russian wheat at a tender.", List.of()),
			new Template("The city council in %1$s approved %2$d million for new bus lanes on Tuesday.", List.of()),
			new Template("Our reviewer drove the Mercedes-Benz S 400 d for %2$d days and liked its quiet diesel.",
					List.of()),
			new Template("A van carrying parts of a Tor radar crashed near Astrakhan, injuring %2$d people.", List.of()));

	private static final List<String> COUNTRIES = List.of("Serbia", "Vietnam", "Algeria", "Egypt", "India",
			"Indonesia", "Malaysia", "Myanmar", "Kazakhstan", "Armenia", "Uganda", "Hungary");

	private LabelledArticles() {
	}

	/**
	 * Article {@code i} of a run: one in three fires; ids of several shapes (slashes, colons, non-ASCII). Fewer
	 * than a thousand distinct texts, so that checking the labels takes seconds, under ids that never repeat.
	 */
	static LabelledArticle article(String run, int i) {
		String id = switch (i % 4) {
			case 0 -> "wire-" + run + "-" + i;
			case 1 -> "urn:example:news:" + run + ":" + i;
			case 2 -> "2024/05/" + run + "/story-" + i;
			default -> "artículo-" + run + "-" + i + "-ü";
		};
		boolean fires = i % 3 == 0;
		List<Template> templates = fires ? FIRING : QUIET;
		Template template = templates.get((i / 3) % templates.size());
		String country = COUNTRIES.get((i / 7) % COUNTRIES.size());
		return new LabelledArticle(id, template.text().formatted(country, 2 + (i / 11) % 8), template.rules());
	}

	static List<LabelledArticle> articles(String run, int count) {
		List<LabelledArticle> articles = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			articles.add(article(run, i));
		}
		return articles;
	}

	/**
	 * The alert ids the service must publish for each of these articles, by article id. Each distinct text is
	 * screened once by the engine over the bundled rules and reference data, which is what a service JVM without
	 * a rule directory or lists loads; fails on the first text whose alerts differ from its label.
	 */
	static Map<String, Set<String>> expectedAlertIds(List<LabelledArticle> articles) {
		RuleRepository rules = new RuleRepository(ReferenceData.bundled().transactionKinds(), true, null);
		ScreeningEngine engine = ScreeningEngine.standalone(rules::current);
		Map<String, List<AlertRaised>> byText = new HashMap<>();
		Map<String, Set<String>> ids = new HashMap<>();
		for (LabelledArticle article : articles) {
			List<AlertRaised> alerts = byText.computeIfAbsent(article.body(),
					(body) -> engine.screen(new Article("label-check", null, body, null, null, null, "en")).alerts());
			List<String> fired = alerts.stream().map(AlertRaised::ruleId).sorted().toList();
			if (!fired.equals(article.rules().stream().sorted().toList())) {
				throw new IllegalStateException("article '" + article.body() + "' is labelled " + article.rules()
						+ " but the engine raises " + fired);
			}
			ids.put(article.id(), alerts.stream()
				.map((alert) -> ExpectedAlertId.of(article.id(), alert.ruleId(), alert.ruleVersion()))
				.collect(Collectors.toSet()));
		}
		return ids;
	}

}
