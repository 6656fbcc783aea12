package org.sanctionswatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sanctionswatch.article.Article;

/**
 * The baseline: every name of the gazetteer as a phrase query in a Lucene {@link Monitor}, title and body as
 * two fields analysed by {@link FoldingAnalyzer}. One query per distinct token sequence, as the engine's
 * automaton keeps one pattern per sequence whatever the number of entries sharing it.
 */
final class MonitorMatcher implements AutoCloseable {

	static final String TITLE = "title";

	static final String BODY = "body";

	private final Monitor monitor;

	private final int queries;

	MonitorMatcher(List<RegisteredName> names, org.sanctionswatch.text.TokenVocabulary preferring) {
		try {
			this.monitor = new Monitor(new FoldingAnalyzer(preferring));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> phrases = new LinkedHashSet<>();
		for (RegisteredName name : names) {
			if (name.isName()) {
				phrases.add(name.folded());
			}
		}
		List<MonitorQuery> batch = new ArrayList<>(phrases.size());
		int id = 0;
		for (String phrase : phrases) {
			List<String> tokens = List.of(phrase.split(" "));
			Query query = new BooleanQuery.Builder().add(phrase(TITLE, tokens), Occur.SHOULD)
				.add(phrase(BODY, tokens), Occur.SHOULD)
				.build();
			batch.add(new MonitorQuery(String.valueOf(id++), query, phrase, java.util.Map.of()));
		}
		try {
			this.monitor.register(batch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.queries = batch.size();
	}

	private static Query phrase(String field, List<String> tokens) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0)));
		}
		return new PhraseQuery(field, tokens.toArray(String[]::new));
	}

	static Document document(Article article) {
		Document doc = new Document();
		doc.add(new TextField(TITLE, (article.title() != null) ? article.title() : "", Field.Store.NO));
		doc.add(new TextField(BODY, article.body(), Field.Store.NO));
		return doc;
	}

	int queries() {
		return this.queries;
	}

	/** The queries that match, as a monitor is normally used: which names occur, not where. */
	int matchCount(Document doc) {
		try {
			return this.monitor.match(doc, QueryMatch.SIMPLE_MATCHER).getMatchCount();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Matching queries with the offsets of every occurrence, what the cross-check compares. */
	MatchingQueries<HighlightsMatch> highlights(Document doc) {
		try {
			return this.monitor.match(doc, HighlightsMatch.MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Name mentions as {@code field:start-end} keys, the unit of the cross-check. */
	Set<String> mentions(Article article) {
		Set<String> spans = new java.util.TreeSet<>();
		for (HighlightsMatch match : highlights(document(article)).getMatches()) {
			for (String field : List.of(TITLE, BODY)) {
				for (HighlightsMatch.Hit hit : match.getHits(field)) {
					spans.add(field + ":" + hit.startOffset + "-" + hit.endOffset);
				}
			}
		}
		return spans;
	}

	@Override
	public void close() throws IOException {
		this.monitor.close();
	}

}
