package org.sanctionswatch.screening;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.article.InvalidArticleException;
import org.sanctionswatch.article.TestDecoders;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile articles for the screening engine over the bundled rules and reference data: it never throws, every
 * offset it reports lies inside the text and quotes it, and its alerts survive the JSON they are published as.
 * <p>
 * The input is a record value: what the decoder accepts is screened as decoded; what it refuses is screened too,
 * its bytes read as a body, so that the fuzzer also reaches the engine with text no JSON encoder would write.
 * Seeds are in {@code ScreeningEngineFuzzTestsInputs}.
 */
class ScreeningEngineFuzzTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ArticleDecoder decoder = TestDecoders.withDefaultLimits(json);

	private static final RuleRepository rules = new RuleRepository(ReferenceData.bundled().transactionKinds(), true,
			null);

	private static final ScreeningEngine engine = ScreeningEngine.standalone(rules::current);

	@FuzzTest(maxDuration = "20s")
	void screensAnyArticleWithOffsetsInsideItsText(byte[] value) {
		Article article;
		try {
			article = decoder.decode(value);
		}
		catch (InvalidArticleException ex) {
			String text = new String(value, StandardCharsets.UTF_8);
			int split = text.indexOf('\n');
			article = new Article("fuzz", (split > 0) ? text.substring(0, split) : null, text, null, null, null, "en");
		}
		Screening screening = engine.screen(article);
		ScreeningEngineTests.assertEveryOffsetQuotes(article, screening);
		List<AlertRaised> alerts = screening.alerts();
		assertThat(json.readValue(json.writeValueAsBytes(alerts), AlertRaised[].class)).containsExactlyElementsOf(alerts);
	}

}
