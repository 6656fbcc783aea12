package org.sanctionswatch.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	/** Every mention in the text, grouped by span, in text order; overlapping spans are all reported. */
	public List<Mention> find(TokenizedText text) {
		Map<Long, List<Mention.Hit>> bySpan = new LinkedHashMap<>();
		this.index.scan(text, (first, end, payload) -> bySpan
			.computeIfAbsent(((long) first << 32) | end, k -> new ArrayList<>(2))
			.add(this.payloads.get(payload)));
		List<Mention> mentions = new ArrayList<>(bySpan.size());
		bySpan.forEach((span, hits) -> {
			int first = (int) (span >>> 32);
			int end = (int) (long) span;
			mentions.add(new Mention(first, end, text.start(first), text.end(end - 1), hits));
		});
		mentions.sort(Comparator.comparingInt(Mention::firstToken).thenComparing(m -> -m.length()));
		return mentions;
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
