package org.sanctionswatch.article;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.article.InvalidArticleException.Reason;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArticleDecoderTests {

	private static final int MAX_BYTES = 4096;

	private final ArticleDecoder decoder = new ArticleDecoder(JsonMapper.builder().build(), properties(MAX_BYTES));

	@Test
	void decodesAFullArticle() {
		Article a = decode("""
				{"id": "a-1", "title": "T", "body": "B", "url": "https://example.org/a", "source": "wire",
				 "publishedAt": "2024-03-01T10:15:00+01:00", "language": "tr"}""");
		assertThat(a).isEqualTo(new Article("a-1", "T", "B", "https://example.org/a", "wire",
				"2024-03-01T10:15:00+01:00", "tr"));
	}

	@Test
	void ignoresUnknownFieldsAndLeavesAnAbsentLanguageToBeDetected() {
		Article a = decode("{\"id\": \"a-1\", \"body\": \"B\", \"tags\": [1, {\"x\": null}], \"score\": 3.5}");
		assertThat(a.language()).isNull();
		assertThat(a.title()).isNull();
		assertThat(decode("{\"id\": \"a-1\", \"body\": \"B\", \"language\": \" \"}").language()).isNull();
		assertThat(decode("{\"id\": \"a-1\", \"body\": \"B\", \"language\": null}").language()).isNull();
		assertThat(decode("{\"id\": \"a-1\", \"body\": \"B\", \"language\": \"ru-RU\"}").language()).isEqualTo("ru-RU");
	}

	@Test
	void refusesAnEmptyValue() {
		assertRefused((byte[]) null, Reason.EMPTY);
		assertRefused(new byte[0], Reason.EMPTY);
		assertRefused("   ", Reason.EMPTY);
	}

	@Test
	void refusesAValueOverTheLimitBeforeParsingIt() {
		String body = "x".repeat(MAX_BYTES);
		InvalidArticleException ex = assertRefused("{\"id\": \"a\", \"body\": \"" + body + "\"}", Reason.TOO_LARGE);
		assertThat(ex.getMessage()).contains("limit of " + MAX_BYTES);
		// exactly at the limit is fine
		String fits = "{\"id\": \"a\", \"body\": \"" + "x".repeat(MAX_BYTES - 23) + "\"}";
		assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BYTES);
		assertThat(decode(fits).body()).hasSize(MAX_BYTES - 23);
	}

	@Test
	void refusesInvalidUtf8() {
		byte[] value = "{\"id\": \"a\", \"body\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(value, Reason.INVALID_UTF8);
		// an unpaired surrogate encoded as three bytes (CESU style) is not UTF-8 either
		byte[] cesu = { '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}' };
		assertRefused(cesu, Reason.INVALID_UTF8);
	}

	@Test
	void refusesTextThatIsNotJson() {
		assertRefused("{id: 'a', body: 'b'}", Reason.NOT_JSON);
		assertRefused("{\"id\": \"a\", \"body\": \"b\"", Reason.NOT_JSON);
		assertRefused("{\"id\": \"a\", \"body\": \"b\"} {}", Reason.NOT_JSON);
	}

	@Test
	void refusesDeeplyNestedJsonWithoutOverflowingTheStack() {
		// within the size limit, so the parser itself must stop at a nesting depth, not the stack
		ArticleDecoder roomy = new ArticleDecoder(JsonMapper.builder().build(), properties(1 << 20));
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		String hidden = "{\"id\": \"a\", \"body\": \"b\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		for (String json : List.of(deep, hidden)) {
			assertThatExceptionOfType(InvalidArticleException.class)
				.isThrownBy(() -> roomy.decode(json.getBytes(StandardCharsets.UTF_8)))
				.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.NOT_JSON));
		}
	}

	@Test
	void refusesFieldsOfTheWrongType() {
		assertThat(assertRefused("{\"id\": 17, \"body\": \"b\"}", Reason.WRONG_TYPE).getMessage())
			.isEqualTo("'id' must be a string, found NUMBER");
		assertThat(assertRefused("{\"id\": \"a\", \"body\": [\"b\"]}", Reason.WRONG_TYPE).getMessage())
			.isEqualTo("'body' must be a string, found ARRAY");
		assertThat(assertRefused("[{\"id\": \"a\", \"body\": \"b\"}]", Reason.WRONG_TYPE).getMessage())
			.isEqualTo("expected a JSON object, found ARRAY");
		assertRefused("\"just a string\"", Reason.WRONG_TYPE);
		assertRefused("{\"id\": \"a\", \"body\": \"b\", \"title\": true}", Reason.WRONG_TYPE);
	}

	@Test
	void refusesMissingRequiredFields() {
		assertThat(assertRefused("{\"body\": \"b\"}", Reason.MISSING_FIELD).getMessage()).isEqualTo("'id' is required");
		assertThat(assertRefused("{\"id\": \"a\"}", Reason.MISSING_FIELD).getMessage())
			.isEqualTo("'body' is required");
		assertRefused("{\"id\": \"a\", \"body\": null}", Reason.MISSING_FIELD);
	}

	@Test
	void usesTheDefaultIdOnlyWhenTheArticleHasNone() {
		byte[] noId = "{\"body\": \"b\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.decoder.decode(noId, "dry-run").id()).isEqualTo("dry-run");
		byte[] withId = "{\"id\": \"a-9\", \"body\": \"b\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.decoder.decode(withId, "dry-run").id()).isEqualTo("a-9");
	}

	@Test
	void refusesInvalidFieldValues() {
		assertThat(assertRefused("{\"id\": \"a\", \"body\": \" \\n\\t \"}", Reason.INVALID_FIELD).getMessage())
			.isEqualTo("'body' is blank");
		assertRefused("{\"id\": \"  \", \"body\": \"b\"}", Reason.INVALID_FIELD);
		assertThat(assertRefused("{\"id\": \"" + "i".repeat(257) + "\", \"body\": \"b\"}", Reason.INVALID_FIELD)
			.getMessage()).isEqualTo("'id' must have 1 to 256 characters, found 257");
		assertThat(decode("{\"id\": \"" + "i".repeat(256) + "\", \"body\": \"b\"}").id()).hasSize(256);
		assertRefused("{\"id\": \"a\", \"body\": \"b\", \"publishedAt\": \"yesterday\"}", Reason.INVALID_FIELD);
		assertRefused("{\"id\": \"a\", \"body\": \"b\", \"publishedAt\": \"2024-03-01\"}", Reason.INVALID_FIELD);
		assertRefused("{\"id\": \"a\", \"body\": \"b\", \"publishedAt\": \"2024-03-01T10:15:00\"}", Reason.INVALID_FIELD);
	}

	@Test
	void acceptsControlAndBidiCharactersInTheBodyAsText() {
		Article a = decode("{\"id\": \"a\", \"body\": \"Ros\\u0000tec \\u0007\u202Etropxenoborosor\u202C and \\u200Bmore\"}");
		assertThat(a.body()).isEqualTo("Ros\u0000tec \u0007\u202Etropxenoborosor\u202C and \u200Bmore");
	}

	@Test
	void refusesRawControlCharactersInsideAString() {
		// JSON requires them escaped; a raw NUL or bell is a malformed document, not text
		for (char c : new char[] { 0, 7, 0x1B, '\n' }) {
			assertRefused("{\"id\": \"a\", \"body\": \"Ros" + c + "tec\"}", Reason.NOT_JSON);
		}
		assertRefused(new byte[] { 0 }, Reason.NOT_JSON);
	}

	@Test
	void keepsLoneSurrogateEscapesAsTheyAre() {
		// UTF-8 cannot carry them (refusesInvalidUtf8), a JSON escape can: the body is screened as sent
		Article a = decode("{\"id\": \"a\", \"body\": \"Rostec\\uD800 and \\uDC00Rosoboronexport\"}");
		assertThat(a.body()).isEqualTo("Rostec\uD800 and \uDC00Rosoboronexport");
	}

	@Test
	void reasonCodesAreTheContractValues() {
		assertThat(List.of(Reason.values())).extracting(Reason::code)
			.containsExactly("empty", "too-large", "invalid-utf8", "not-json", "wrong-type", "missing-field",
					"invalid-field");
	}

	private Article decode(String json) {
		return this.decoder.decode(json.getBytes(StandardCharsets.UTF_8));
	}

	private InvalidArticleException assertRefused(String json, Reason reason) {
		return assertRefused(json.getBytes(StandardCharsets.UTF_8), reason);
	}

	private InvalidArticleException assertRefused(byte[] value, Reason reason) {
		try {
			this.decoder.decode(value);
		}
		catch (InvalidArticleException ex) {
			assertThat(ex.reason()).as("reason, message: %s", ex.getMessage()).isEqualTo(reason);
			return ex;
		}
		throw new AssertionError("expected " + reason.code() + " but the value was accepted");
	}

	private static SanctionsWatchProperties properties(int maxBytes) {
		return TestDecoders.properties(maxBytes);
	}

}
