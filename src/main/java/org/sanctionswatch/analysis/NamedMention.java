package org.sanctionswatch.analysis;

import java.util.List;

import org.sanctionswatch.gazetteer.Entry;

/** A name found in the article (not a transaction word), for the alert's list of matches. */
public record NamedMention(Span span, List<Entry> entries) {

	public NamedMention {
		entries = List.copyOf(entries);
	}

}
