package org.sanctionswatch.analysis;

import java.util.List;

/** Everything the rules see of an article: its transactions, every name found, its sentences and paragraphs. */
public record ArticleAnalysis(List<Transaction> transactions, List<NamedMention> names, List<Span> sentences,
		List<Span> paragraphs) {

	public ArticleAnalysis {
		transactions = List.copyOf(transactions);
		names = List.copyOf(names);
		sentences = List.copyOf(sentences);
		paragraphs = List.copyOf(paragraphs);
	}

}
