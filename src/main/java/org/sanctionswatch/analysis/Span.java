package org.sanctionswatch.analysis;

/** A piece of the article: {@code field} is {@code title} or {@code body}; offsets are UTF-16, end exclusive. */
public record Span(String field, int start, int end, String text) {
}
