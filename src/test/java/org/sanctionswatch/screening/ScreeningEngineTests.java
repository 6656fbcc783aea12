package org.sanctionswatch.screening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ScreeningEngineTests {

	private static final RuleRepository RULES = new RuleRepository(ReferenceData.bundled().transactionKinds(), true,
			null);

	private static final ScreeningEngine ENGINE = ScreeningEngine.standalone(RULES::current);

	private static final String TITLE = "Ankara edges towards a second S-400 purchase";

	// a Turkish S-400 follow-on order, the case CAATSA §231 was first applied to, told in our own words
	private static final String BODY = """
			Turkey is close to signing a contract with Rosoboronexport for a second batch of S-400 air defence \
			systems, the head of the Turkish procurement agency told reporters in Ankara on Thursday.

			He said both sides were still discussing where some missile parts would be made, and that a \
			signature could follow within weeks.

			The first batch was agreed in 2017. Rostec chief executive Sergei Chemezov later said that deal \
			was worth $2.5 billion.

			Washington has warned that the purchase could expose Turkey to U.S. sanctions.""";

	@Test
	void aSecondS400OrderRaisesOneCaatsa231Alert() {
		Article article = new Article("seed-1", TITLE, BODY, "https://example.org/seed-1", "test",
				"2024-05-02T08:00:00Z", "en");
		List<AlertRaised> alerts = ENGINE.screen(article).alerts();
		assertThat(alerts).extracting(AlertRaised::ruleId).containsExactly("CAATSA-231");
		AlertRaised alert = alerts.get(0);
		assertThat(alert.exposedParties()).extracting(AlertRaised.Party::entryId).contains("country:TR");
		assertThat(alert.exposedParties()).extracting(AlertRaised.Party::country).doesNotContain("RU", "US");
		assertThat(alert.counterparties()).extracting(AlertRaised.Party::entryId)
			.containsAnyOf("ref:rosoboronexport", "ref:rostec");
		assertThat(alert.systems()).extracting(AlertRaised.Item::entryId).contains("system:s-400");
		assertThat(alert.articleId()).isEqualTo("seed-1");
		assertThat(alert.alertId()).isEqualTo(AlertIds.of("seed-1", "CAATSA-231", alert.ruleVersion()));
		assertThat(alert.rulesetVersion()).isEqualTo(RULES.current().version());
	}

	@Test
	void everyEvidenceSpanQuotesTheArticle() {
		Article article = new Article("seed-1", TITLE, BODY, null, null, null, "en");
		AlertRaised alert = ENGINE.screen(article).alerts().get(0);
		assertThat(alert.evidence()).isNotEmpty().allSatisfy(s -> assertQuotes(s, article));
		assertThat(alert.evidence().get(0).text()).startsWith("Turkey is close to signing a contract");
		assertThat(alert.titleEvidence()).allSatisfy(s -> assertQuotes(s, article));
		for (AlertRaised.Party p : alert.exposedParties()) {
			p.mentions().forEach(s -> assertQuotes(s, article));
		}
		for (AlertRaised.Party p : alert.counterparties()) {
			p.mentions().forEach(s -> assertQuotes(s, article));
		}
		for (AlertRaised.Item i : alert.systems()) {
			i.mentions().forEach(s -> assertQuotes(s, article));
		}
		assertThat(alert.matches()).isNotEmpty().allSatisfy(m -> {
			String field = m.field().equals("title") ? article.title() : article.body();
			assertThat(field.substring(m.start(), m.end())).isEqualTo(m.text());
		});
	}

	@Test
	void screeningTheSameArticleAgainGivesTheSameAlertId() {
		Article article = new Article("seed-1", TITLE, BODY, null, null, null, "en");
		assertThat(ENGINE.screen(article).alerts().get(0).alertId())
			.isEqualTo(ENGINE.screen(article).alerts().get(0).alertId());
	}

	@Test
	void alertListsAndEntryAttributesComeInAStableOrderOnEveryJvm() {
		Article article = new Article("seed-1", TITLE, BODY, null, null, null, "en");
		AlertRaised alert = ENGINE.screen(article).alerts().get(0);
		assertThat(alert.transactionKinds()).isNotEmpty().isSorted();
		// Map.copyOf iterates in an order salted per JVM start; the alert JSON must not depend on it
		java.util.Map<String, String> attributes = new org.sanctionswatch.gazetteer.Entry("x",
				org.sanctionswatch.gazetteer.Entry.Kind.SYSTEM, "X", null, "air-defense", List.of(),
				java.util.Map.of("stage", "s", "origin", "o", "maker", "m", "covered", "c", "exporter", "e")).attributes();
		assertThat(attributes.keySet()).containsExactly("covered", "exporter", "maker", "origin", "stage");
	}

	@Test
	void anArticleWithoutADealRaisesNothing() {
		Article article = new Article("quiet-1", "Parade in Moscow",
				"Russian troops showed S-400 launchers at the Victory Day parade in Moscow.", null, null, null, "en");
		assertThat(ENGINE.screen(article).alerts()).isEmpty();
	}

	// ---- hostile input: what a careless or malicious producer can put in a body ----

	private static final String DEAL = "Turkey signed a contract with %s for a second batch of S-400 systems.";

	@Test
	void aLookAlikeLetterFromAnotherScriptInsideAListedNameStillMatches() {
		// Cyrillic o (U+043E) and Greek omicron (U+03BF) for the Latin o: the same glyph, another code point
		for (String name : List.of("Ros\u043Eboronexport", "Rosob\u03BFronexport", "R\u043Es\u043Eb\u043Er\u043Enexp\u043Ert")) {
			Article article = article(DEAL.formatted(name));
			AlertRaised alert = onlyAlert(article);
			assertThat(alert.counterparties()).extracting(AlertRaised.Party::entryId).contains("ref:rosoboronexport");
			assertThat(alert.matches()).as("match quoting %s", name)
				.anySatisfy((m) -> assertThat(m.text()).isEqualTo(name));
			assertEveryOffsetQuotes(article, ENGINE.screen(article).alerts());
		}
	}

	@Test
	void invisibleCharactersInsideAListedNameDoNotHideIt() {
		// zero-width space, right-to-left override, zero-width joiner, soft hyphen, BOM, word joiner, a TAG character
		for (String name : List.of("Rosob\u200Boronexport", "Rosob\u202Eoronexport\u202C", "Ros\u200Dob\u00ADoronexport",
				"\uFEFFRosoboron\u2060export", "Rosob\uDB40\uDC41oronexport")) {
			Article article = article(DEAL.formatted(name));
			AlertRaised alert = onlyAlert(article);
			assertThat(alert.counterparties()).extracting(AlertRaised.Party::entryId).contains("ref:rosoboronexport");
			// the offsets point into the text as sent, invisible characters included, not into a cleaned copy
			int start = article.body().indexOf(name.replace("\uFEFF", ""));
			assertThat(alert.matches()).as("match of %s", name.codePoints().mapToObj(Integer::toHexString).toList())
				.anySatisfy((m) -> {
					assertThat(m.start()).isEqualTo(start);
					assertThat(article.body().substring(m.start(), m.end())).isEqualTo(m.text());
					assertThat(m.text()).startsWith("Ros").endsWith(name.endsWith("\u202C") ? "export" : name.substring(name.length() - 6));
				});
			assertEveryOffsetQuotes(article, ENGINE.screen(article).alerts());
		}
	}

	@Test
	void controlCharactersAndNulSeparateWordsWithoutBreakingScreening() {
		String body = "Turkey\u0000signed a contract\u0007with\u001BRosoboronexport\u0000for a second batch of\u0008S-400 "
				+ "systems.\u007F\u0085\u0000";
		Article article = article(body);
		AlertRaised alert = onlyAlert(article);
		assertThat(alert.counterparties()).extracting(AlertRaised.Party::entryId).contains("ref:rosoboronexport");
		assertThat(alert.systems()).extracting(AlertRaised.Item::entryId).contains("system:s-400");
		assertEveryOffsetQuotes(article, List.of(alert));
		// nothing but control characters: no alert, and no failure
		assertThat(ENGINE.screen(article("\u0000\u0001\u0002\u001F\u007F".repeat(1000))).alerts()).isEmpty();
	}

	@Test
	void loneSurrogatesHideNoNameAndSurviveTheAlertJson() {
		// valid UTF-8 cannot carry them, but a JSON escape (backslash-u-D800) can, and the decoder keeps what JSON says
		JsonMapper json = JsonMapper.builder().build();
		for (String body : List.of(DEAL.formatted("Rosoboronexport\uD800"), DEAL.formatted("\uDC00 Rosoboronexport"),
				"\uDBFF" + DEAL.formatted("Rosoboronexport") + "\uD800", "\uDC00\uD800".repeat(500))) {
			Article article = article(body);
			List<AlertRaised> alerts = ENGINE.screen(article).alerts();
			assertEveryOffsetQuotes(article, alerts);
			// the alert as published and as the dashboard reads it back
			AlertRaised[] back = json.readValue(json.writeValueAsBytes(alerts), AlertRaised[].class);
			assertThat(back).containsExactlyElementsOf(alerts);
		}
		// glued to a listed name or inside it, a lone surrogate hides nothing
		for (String name : List.of("Rosoboronexport\uD800", "\uDC00Rosoboronexport", "Rosob\uDBFForonexport")) {
			assertThat(onlyAlert(article(DEAL.formatted(name))).counterparties()).as(name)
				.extracting(AlertRaised.Party::entryId).contains("ref:rosoboronexport");
		}
	}

	@Test
	void aMebibyteOfListedNamesIsScreenedInBoundedTime() {
		ENGINE.screen(article(DEAL.formatted("Rosoboronexport")));
		List<String> bodies = List.of(mebibyteOf("Rosoboronexport Rostec Almaz-Antey Sergei Chemezov "),
				mebibyteOf("Rosoboronexport, Rostec; Rosoboronexport. "), mebibyteOf(DEAL.formatted("Rosoboronexport") + " "));
		for (String body : bodies) {
			// generous: a linear pass takes well under a second for this on a laptop, a quadratic one minutes
			List<AlertRaised> alerts = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> ENGINE.screen(article(body)).alerts(), () -> "screening 1 MiB of '" + body.substring(0, 40) + "'");
			assertThat(alerts).allSatisfy((a) -> assertThat(a.evidence().size()).isLessThanOrEqualTo(body.length()));
		}
	}

	@Test
	void screeningTimeGrowsLinearlyWithTheText() {
		// A deal in every sentence is the worst case found so far (rule bindings were quadratic in the deals).
		// Best of three runs each, after a warm-up; linear is a ratio of 4, quadratic 16
		String sentence = DEAL.formatted("Rosoboronexport") + " ";
		Article quarter = article(sentence.repeat((256 << 10) / sentence.length()));
		Article whole = article(sentence.repeat((1 << 20) / sentence.length()));
		ENGINE.screen(quarter);
		long small = bestOfThree(quarter);
		long large = bestOfThree(whole);
		assertThat((double) large / small).as("time of 1 MiB (%d ms) / time of 256 KiB (%d ms)", large / 1_000_000,
				small / 1_000_000).isLessThan(10);
	}

	private static long bestOfThree(Article article) {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			ENGINE.screen(article);
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}

	private static String mebibyteOf(String unit) {
		return unit.repeat((1 << 20) / unit.length());
	}

	private static Article article(String body) {
		return new Article("hostile-1", null, body, null, null, null, "en");
	}

	private static AlertRaised onlyAlert(Article article) {
		List<AlertRaised> alerts = ENGINE.screen(article).alerts();
		assertThat(alerts).as("alerts on %s", article.body()).extracting(AlertRaised::ruleId).containsExactly("CAATSA-231");
		return alerts.get(0);
	}

	/** Every offset the alerts, and the analysis of their article, carry lies inside its field and quotes it. */
	static void assertEveryOffsetQuotes(Article article, List<AlertRaised> alerts) {
		assertEveryOffsetQuotes(article, new Screening(alerts, ENGINE.screen(article).analysis(), "", "", "en"));
	}

	/** Every offset the alerts and the analysis of a screening carry lies inside its field and quotes it. */
	static void assertEveryOffsetQuotes(Article article, Screening screening) {
		List<AlertRaised.Span> spans = new ArrayList<>();
		for (AlertRaised alert : screening.alerts()) {
			spans.addAll(alert.evidence());
			spans.addAll(alert.titleEvidence());
			alert.exposedParties().forEach((p) -> spans.addAll(p.mentions()));
			alert.counterparties().forEach((p) -> spans.addAll(p.mentions()));
			alert.systems().forEach((i) -> spans.addAll(i.mentions()));
			alert.matches().forEach((m) -> spans.add(new AlertRaised.Span(m.field(), m.start(), m.end(), m.text())));
		}
		spans.forEach((span) -> assertQuotes(span, article));
		ArticleAnalysis analysis = screening.analysis();
		analysis.names().forEach((n) -> assertQuotes(n.span(), article));
		analysis.sentences().forEach((s) -> assertQuotes(s, article));
		analysis.paragraphs().forEach((p) -> assertQuotes(p, article));
		analysis.transactions().forEach((t) -> {
			assertQuotes(t.sentence(), article);
			t.context().forEach((c) -> assertQuotes(c, article));
			t.parties().stream().filter((p) -> p.mention() != null).forEach((p) -> assertQuotes(p.mention(), article));
			t.items().forEach((i) -> assertQuotes(i.mention(), article));
		});
	}

	private static void assertQuotes(org.sanctionswatch.analysis.Span span, Article article) {
		assertQuotes(new AlertRaised.Span(span.field(), span.start(), span.end(), span.text()), article);
	}

	private static void assertQuotes(AlertRaised.Span span, Article article) {
		String field = span.field().equals("title") ? article.title() : article.body();
		assertThat(field).as("the %s field of span %s", span.field(), span).isNotNull();
		assertThat(span.start()).as("start of %s", span).isBetween(0, span.end());
		assertThat(span.end()).as("end of %s", span).isLessThanOrEqualTo(field.length());
		assertThat(field.substring(span.start(), span.end())).isEqualTo(span.text());
	}

}
