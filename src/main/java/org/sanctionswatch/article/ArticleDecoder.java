package org.sanctionswatch.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import static org.sanctionswatch.article.InvalidArticleException.Reason.EMPTY;
import static org.sanctionswatch.article.InvalidArticleException.Reason.INVALID_FIELD;
import static org.sanctionswatch.article.InvalidArticleException.Reason.INVALID_UTF8;
import static org.sanctionswatch.article.InvalidArticleException.Reason.MISSING_FIELD;
import static org.sanctionswatch.article.InvalidArticleException.Reason.NOT_JSON;
import static org.sanctionswatch.article.InvalidArticleException.Reason.TOO_LARGE;
import static org.sanctionswatch.article.InvalidArticleException.Reason.WRONG_TYPE;

/** Turns a record value into an {@link Article}, or says precisely why it cannot. */
@Component
public class ArticleDecoder {

	private final JsonMapper json;

	private final SanctionsWatchProperties.Articles limits;

	public ArticleDecoder(JsonMapper json, SanctionsWatchProperties properties) {
		this.json = json;
		this.limits = properties.articles();
	}

	public Article decode(byte @Nullable [] value) {
		return decode(value, null);
	}

	/** Decodes, using {@code defaultId} when the article carries none (the dry run needs no id). */
	public Article decode(byte @Nullable [] value, @Nullable String defaultId) {
		if (value == null || value.length == 0) {
			throw new InvalidArticleException(EMPTY, "the record has no value");
		}
		if (value.length > this.limits.maxBytes()) {
			throw new InvalidArticleException(TOO_LARGE,
					"the value has " + value.length + " bytes, more than the limit of " + this.limits.maxBytes());
		}
		String text = utf8(value);
		JsonNode root;
		try {
			root = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidArticleException(NOT_JSON, "not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || root.isMissingNode()) {
			throw new InvalidArticleException(EMPTY, "the value holds no JSON document");
		}
		if (!root.isObject()) {
			throw new InvalidArticleException(WRONG_TYPE, "expected a JSON object, found " + root.getNodeType());
		}
		String id = text(root, "id");
		if (id == null) {
			if (defaultId == null) {
				throw new InvalidArticleException(MISSING_FIELD, "'id' is required");
			}
			id = defaultId;
		}
		if (id.isBlank() || id.length() > this.limits.maxIdLength()) {
			throw new InvalidArticleException(INVALID_FIELD,
					"'id' must have 1 to " + this.limits.maxIdLength() + " characters, found " + id.length());
		}
		String body = text(root, "body");
		if (body == null) {
			throw new InvalidArticleException(MISSING_FIELD, "'body' is required");
		}
		if (body.isBlank()) {
			throw new InvalidArticleException(INVALID_FIELD, "'body' is blank");
		}
		String language = text(root, "language");
		return new Article(id, text(root, "title"), body, text(root, "url"), text(root, "source"),
				timestamp(text(root, "publishedAt")), (language == null || language.isBlank()) ? null : language);
	}

	private static String utf8(byte[] value) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidArticleException(INVALID_UTF8, "the value is not valid UTF-8: " + ex);
		}
	}

	private static @Nullable String text(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new InvalidArticleException(WRONG_TYPE, "'" + field + "' must be a string, found " + node.getNodeType());
		}
		return node.asString();
	}

	private static @Nullable String timestamp(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			OffsetDateTime.parse(value);
			return value;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArticleException(INVALID_FIELD, "'publishedAt' is not an RFC 3339 timestamp: " + value);
		}
	}

}
