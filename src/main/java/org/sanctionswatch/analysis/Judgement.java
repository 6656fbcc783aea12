package org.sanctionswatch.analysis;

/**
 * A transaction word of the article and what the analysis made of it, for the dry run's "why it did (not) fire".
 *
 * @param kind the kind of deal the word would report (purchase, delivery, contract ...)
 * @param verdict {@code reports}, or why not: {@code negated}, {@code denied}, {@code background},
 * {@code history}, {@code speculative}, {@code commentary}, {@code offered}, {@code operational},
 * {@code descriptive}, {@code figure}
 */
public record Judgement(Span word, String kind, String verdict) {
}
