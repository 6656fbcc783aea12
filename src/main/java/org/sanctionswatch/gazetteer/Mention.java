package org.sanctionswatch.gazetteer;

import java.util.List;

/**
 * A span of text that names one or more entries (the same words may name a reference entity and its
 * sanctions-list entry at once).
 *
 * @param firstToken index of the first token
 * @param endToken index after the last token
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 */
public record Mention(int firstToken, int endToken, int start, int end, List<Hit> hits) {

	public Mention {
		hits = List.copyOf(hits);
	}

	/** One entry named by a mention, and the form of the name that matched. */
	public record Hit(Entry entry, NameForm form) {
	}

	public int length() {
		return this.endToken - this.firstToken;
	}

	public boolean overlaps(Mention other) {
		return this.firstToken < other.endToken && other.firstToken < this.endToken;
	}

}
