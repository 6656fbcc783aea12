package org.sanctionswatch.screening;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import static org.assertj.core.api.Assertions.assertThat;

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
	void anArticleWithoutADealRaisesNothing() {
		Article article = new Article("quiet-1", "Parade in Moscow",
				"Russian troops showed S-400 launchers at the Victory Day parade in Moscow.", null, null, null, "en");
		assertThat(ENGINE.screen(article).alerts()).isEmpty();
	}

	private static void assertQuotes(AlertRaised.Span span, Article article) {
		String field = span.field().equals("title") ? article.title() : article.body();
		assertThat(field.substring(span.start(), span.end())).isEqualTo(span.text());
	}

}
