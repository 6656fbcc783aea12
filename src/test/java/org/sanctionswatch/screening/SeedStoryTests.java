package org.sanctionswatch.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The story the product was conceived from: Turkey's procurement agency in talks with Russia on joint missile
 * production, a second S-400 regiment from Rosoboronexport and Su-35 jets. However it is told, in English or in
 * Russian, it is one CAATSA-231 alert that names Turkey and its agency, Rosoboronexport and Rostec, the S-400
 * and the Su-35. The tellings under {@code src/test/resources/seed} are our own; the original is read from the
 * team's shared reference folder when it is beside the checkout.
 */
class SeedStoryTests {

	private static final RuleRepository RULES = new RuleRepository(ReferenceData.bundled().transactionKinds(), true,
			null);

	private static final ScreeningEngine ENGINE = ScreeningEngine.standalone(RULES::current);

	private static final Path ORIGINAL = Path.of("../shared/reference/seed-article.txt");

	@ParameterizedTest
	@ValueSource(strings = { "seed/seed-en.txt", "seed/seed-ru.txt" })
	void ourTellingsRaiseTheOneAlert(String resource) throws IOException {
		String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		int newline = text.indexOf('\n');
		Article article = new Article(resource, text.substring(0, newline), text.substring(newline + 1), null, null,
				"2019-12-13T09:00:00Z", null);
		assertTheOneAlert(article, resource.endsWith("-ru.txt") ? "ru" : "en");
	}

	@Test
	void theOriginalRaisesTheOneAlert() throws IOException {
		assumeTrue(Files.isRegularFile(ORIGINAL), () -> "no seed article at " + ORIGINAL.toAbsolutePath());
		// the saved page: a site label, a blank line, the headline, then the story
		List<String> lines = Files.readAllLines(ORIGINAL, StandardCharsets.UTF_8);
		String title = lines.stream().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow();
		String body = String.join("\n", lines.subList(lines.indexOf(title) + 1, lines.size()));
		assertTheOneAlert(new Article("seed-original", title, body, null, "TASS", "2019-12-13T09:00:00Z", "en"), "en");
	}

	private static void assertTheOneAlert(Article article, String language) {
		Screening screening = ENGINE.screen(article);
		assertThat(screening.language()).isEqualTo(language);
		List<AlertRaised> alerts = screening.alerts();
		assertThat(alerts).extracting(AlertRaised::ruleId).containsExactly("CAATSA-231");
		AlertRaised alert = alerts.get(0);
		assertThat(alert.exposedParties()).extracting(AlertRaised.Party::entryId).contains("country:TR", "body:tr-ssb");
		assertThat(alert.exposedParties()).extracting(AlertRaised.Party::country).doesNotContain("RU", "US");
		assertThat(alert.counterparties()).extracting(AlertRaised.Party::entryId)
			.contains("ref:rosoboronexport", "ref:rostec");
		assertThat(alert.systems()).extracting(AlertRaised.Item::entryId).contains("system:s-400", "system:su-35");
		assertThat(alert.language()).isEqualTo(language);
		assertThat(alert.evidence()).allSatisfy(s -> assertThat(article.body().substring(s.start(), s.end()))
			.isEqualTo(s.text()));
	}

}
