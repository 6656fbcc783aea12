package org.sanctionswatch.article;

import java.time.OffsetDateTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile record values for the article decoder: whatever the bytes, it returns a valid article or refuses with
 * one of the documented reasons; no other exception, no stack overflow, no hang escapes it.
 * <p>
 * Plain {@code mvn test} runs the seeds in {@code ArticleDecoderFuzzTestsInputs} (written for these tests) and
 * every finding kept there; {@code mvn verify} also fuzzes for a short while, and docs/reliability.md gives the
 * command for a long run.
 */
class ArticleDecoderFuzzTests {

	private static final ArticleDecoder decoder = TestDecoders.withDefaultLimits(JsonMapper.builder().build());

	@FuzzTest(maxDuration = "20s")
	void decodesOrRefusesWithADocumentedReason(byte[] value) {
		Article article;
		try {
			article = decoder.decode(value);
		}
		catch (InvalidArticleException ex) {
			assertThat(ex.reason()).isNotNull();
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		assertThat(article.id()).isNotBlank().hasSizeLessThanOrEqualTo(256);
		assertThat(article.body()).isNotBlank();
		// absent means screening tells the language from the text; present is never blank
		if (article.language() != null) {
			assertThat(article.language()).isNotBlank();
		}
		if (article.publishedAt() != null) {
			assertThat(OffsetDateTime.parse(article.publishedAt())).isNotNull();
		}
	}

}
