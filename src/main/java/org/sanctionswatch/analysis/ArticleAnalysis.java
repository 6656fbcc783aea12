package org.sanctionswatch.analysis;

import java.util.List;

/**
 * Everything the rules see of an article: its transactions, every name found, its sentences and paragraphs; and
 * how each transaction word was judged.
 */
public record ArticleAnalysis(List<Transaction> transactions, List<NamedMention> names, List<Span> sentences,
		List<Span> paragraphs, List<Judgement> judgements) {

	public ArticleAnalysis(List<Transaction> transactions, List<NamedMention> names, List<Span> sentences,
			List<Span> paragraphs) {
		this(transactions, names, sentences, paragraphs, List.of());
	}

	public ArticleAnalysis {
		judgements = List.copyOf(judgements);
		transactions = List.copyOf(transactions);
		names = List.copyOf(names);
		sentences = List.copyOf(sentences);
		paragraphs = List.copyOf(paragraphs);
	}

}
