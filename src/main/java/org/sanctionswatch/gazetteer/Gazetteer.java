package org.sanctionswatch.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.text.TokenVocabulary;
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

	/** The Cyrillic lemmas names are written in, which decide between the lemmas of an ambiguous word. */
	public java.util.Set<String> preferences() {
		return this.index.vocabulary().preferences();
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

		private final List<Pending> pending = new ArrayList<>();

		private final Map<String, Entry> entries = new HashMap<>();

		private String version = "";

		private @Nullable Resolved resolved;

		private Builder() {
		}

		private record Pending(Entry entry, String name, NameForm form) {
		}

		private record Resolved(List<List<String>> tokens, List<Mention.Hit> payloads, java.util.Set<String> keys,
				java.util.Set<String> preferred) {
		}

		/** Registers a name of an entry; a name that folds to nothing, or repeats, is ignored. */
		public Builder name(Entry entry, String name, NameForm form) {
			this.pending.add(new Pending(entry, name, form));
			this.entries.putIfAbsent(entry.id(), entry);
			this.resolved = null;
			return this;
		}

		/**
		 * The names as token lists, once every name is known: an inflected Cyrillic word of a name ("министерство
		 * обороны Индии") takes the lemma that another name writes in full ("Индия"), as text will.
		 */
		private Resolved resolve() {
			if (this.resolved == null) {
				java.util.Set<String> preferred = new java.util.HashSet<>();
				for (Pending p : this.pending) {
					preferred.addAll(TokenizedText.dictionaryForms(p.name()));
				}
				TokenVocabulary preferring = TokenVocabulary.preferring(preferred);
				List<List<String>> tokens = new ArrayList<>();
				List<Mention.Hit> payloads = new ArrayList<>();
				java.util.Set<String> keys = new java.util.LinkedHashSet<>();
				for (Pending p : this.pending) {
					List<String> t = TokenizedText.of(p.name(), preferring).tokens();
					if (t.isEmpty()) {
						continue;
					}
					String key = p.entry().id() + '\u0000' + p.form() + '\u0000' + String.join(" ", t);
					if (!keys.add(key)) {
						continue;
					}
					tokens.add(t);
					payloads.add(new Mention.Hit(p.entry(), p.form()));
				}
				this.resolved = new Resolved(tokens, payloads, keys, preferred);
			}
			return this.resolved;
		}

		/** Every registered name as {@code entryId NUL form NUL folded tokens}, for tools that compare matchers. */
		public java.util.Set<String> registeredNames() {
			return java.util.Set.copyOf(resolve().keys());
		}

		public Builder version(String version) {
			this.version = version;
			return this;
		}

		public Gazetteer build() {
			Resolved r = resolve();
			NameIndex.Builder index = new NameIndex.Builder();
			for (int i = 0; i < r.tokens().size(); i++) {
				index.add(r.tokens().get(i), i);
			}
			return new Gazetteer(index.build(r.preferred()), List.copyOf(r.payloads()), this.entries.size(),
					this.version);
		}

	}

}
