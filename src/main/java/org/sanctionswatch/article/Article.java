package org.sanctionswatch.article;

import org.jspecify.annotations.Nullable;

/** A news article to screen. {@code publishedAt} is kept as sent, after checking it is RFC 3339. */
public record Article(String id, @Nullable String title, String body, @Nullable String url, @Nullable String source,
		@Nullable String publishedAt, String language) {
}
