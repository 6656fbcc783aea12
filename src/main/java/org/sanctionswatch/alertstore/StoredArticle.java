package org.sanctionswatch.alertstore;

import org.jspecify.annotations.Nullable;

/** The text of an article as the article topic delivered it: what the evidence offsets point into. */
public record StoredArticle(String articleId, @Nullable String title, String body, @Nullable String url,
		@Nullable String source, @Nullable String publishedAt) {
}
