package org.sanctionswatch.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanctionswatch.text.TokenizedText;

/**
 * An immutable set of entries and the automaton over all their names. Built off the hot path (at start-up
 * and when a list or the reference data changes) and swapped in whole.
 */
public final class Gazetteer {

	private final NameIndex index;

	private final List<Mention.Hit> payloads;

	private final int entries;

	private final String version;

	private Gazetteer(NameIndex index, List<Mention.Hit> payloads, int entries, String version) {
		this.index = index;
		this.payloads = payloads;
		this.entries = entries;
		this.version = version;
	}

	public static Builder builder() {
		return new Builder();
	}

	private static final Comparator<Mention> TEXT_ORDER = (a, b) -> (a.firstToken() != b.firstToken())
			? Integer.compare(a.firstToken(), b.firstToken()) : Integer.compare(b.length(), a.length());

	/** Tokenizes a text for {@link #find}: the same tokens as {@link TokenizedText#of(String)}, with their ids. */
	public TokenizedText tokenize(String text) {
		return TokenizedText.of(text, this.index.vocabulary());
	}

	/** Every mention in the text, grouped by span, in text order; overlapping spans are all reported. */
	public List<Mention> find(TokenizedText text) {
		Spans spans = new Spans();
		this.index.scan(text, spans);
		List<Mention> mentions = new ArrayList<>(spans.count);
		for (int g = 0; g < spans.count; g++) {
			List<Mention.Hit> hits = new ArrayList<>(spans.hits[g + 1] - spans.hits[g]);
			for (int h = spans.hits[g]; h < spans.hits[g + 1]; h++) {
				hits.add(this.payloads.get(spans.payloads[h]));
			}
			int first = spans.firsts[g];
			int end = spans.ends[g];
			mentions.add(new Mention(first, end, text.start(first), text.end(end - 1), hits));
		}
		// spans are distinct, so this order is total
		mentions.sort(TEXT_ORDER);
		return mentions;
	}

	/**
	 * Matches grouped by span without boxing. The automaton reports all the patterns of one token sequence
	 * from one node, one after another, so the hits of a span always arrive together.
	 */
	private static final class Spans implements NameIndex.Sink {

		int[] firsts = new int[16];

		int[] ends = new int[16];

		/** Where each span's payloads start; entry {@code count} is where the next span's would. */
		int[] hits = new int[17];

		int[] payloads = new int[16];

		int count;

		@Override
		public void match(int firstToken, int endToken, int payload) {
			int total = this.hits[this.count];
			boolean same = this.count > 0 && this.firsts[this.count - 1] == firstToken
					&& this.ends[this.count - 1] == endToken;
			if (!same) {
				if (this.count == this.firsts.length) {
					this.firsts = Arrays.copyOf(this.firsts, this.count * 2);
					this.ends = Arrays.copyOf(this.ends, this.count * 2);
					this.hits = Arrays.copyOf(this.hits, this.count * 2 + 1);
				}
				this.firsts[this.count] = firstToken;
				this.ends[this.count] = endToken;
				this.count++;
			}
			if (total == this.payloads.length) {
				this.payloads = Arrays.copyOf(this.payloads, total * 2);
			}
			this.payloads[total] = payload;
			this.hits[this.count] = total + 1;
		}

	}

	public int entries() {
		return this.entries;
	}

	public int names() {
		return this.payloads.size();
	}

	public String version() {
		return this.version;
	}

	public static final class Builder {

		private final NameIndex.Builder index = new NameIndex.Builder();

		private final List<Mention.Hit> payloads = new ArrayList<>();

		private final Map<String, Entry> entries = new HashMap<>();

		private final Map<String, Boolean> seen = new HashMap<>();

		private String version = "";

		private Builder() {
		}

		/** Registers a name of an entry; a name that folds to nothing, or repeats, is ignored. */
		public Builder name(Entry entry, String name, NameForm form) {
			List<String> tokens = TokenizedText.of(name).tokens();
			if (tokens.isEmpty()) {
				return this;
			}
			String key = entry.id() + '\u0000' + form + '\u0000' + String.join(" ", tokens);
			if (this.seen.putIfAbsent(key, Boolean.TRUE) != null) {
				return this;
			}
			this.entries.putIfAbsent(entry.id(), entry);
			this.index.add(tokens, this.payloads.size());
			this.payloads.add(new Mention.Hit(entry, form));
			return this;
		}

		/** Every registered name as {@code entryId NUL form NUL folded tokens}, for tools that compare matchers. */
		public java.util.Set<String> registeredNames() {
			return java.util.Set.copyOf(this.seen.keySet());
		}

		public Builder version(String version) {
			this.version = version;
			return this;
		}

		public Gazetteer build() {
			return new Gazetteer(this.index.build(), List.copyOf(this.payloads), this.entries.size(), this.version);
		}

	}

}
