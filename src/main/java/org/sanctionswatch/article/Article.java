package org.sanctionswatch.article;

import org.jspecify.annotations.Nullable;

/**
 * A news article to screen. {@code publishedAt} is kept as sent, after checking it is RFC 3339; {@code language}
 * is the producer's tag, absent when it sent none (screening then tells the language from the text).
 */
public record Article(String id, @Nullable String title, String body, @Nullable String url, @Nullable String source,
		@Nullable String publishedAt, @Nullable String language) {
}
