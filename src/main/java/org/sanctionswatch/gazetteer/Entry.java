package org.sanctionswatch.gazetteer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Something the gazetteer can find: a listed organisation, person or vessel, a weapon system, a pipeline, a
 * kind of goods, a country or one of its bodies, or a word of the transaction vocabulary (a cue).
 *
 * @param id stable identifier, e.g. {@code ref:rosoboronexport}, {@code ofac-sdn:18782}, {@code country:TR}
 * @param country ISO alpha-2 of the country the entry belongs to, when known
 * @param category system category, goods category, cue class, or sector
 * @param lists the lists the entry is on, each with the list's own entry
 * @param attributes extra facts: origin, maker, exporter, covered, direction, stage, pipeline
 */
public record Entry(String id, Kind kind, String name, @Nullable String country, String category,
		List<ListRef> lists, Map<String, String> attributes) {

	public Entry {
		lists = List.copyOf(lists);
		// sorted rather than Map.copyOf, whose iteration order changes from one JVM start to the next
		attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
	}

	public enum Kind {

		ORGANISATION, PERSON, VESSEL, GOVERNMENT_BODY, COUNTRY, SYSTEM, PIPELINE, GOODS, CUE;

		private final String label = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

		public boolean isParty() {
			return this == ORGANISATION || this == PERSON || this == VESSEL || this == GOVERNMENT_BODY
					|| this == COUNTRY;
		}

		public boolean isItem() {
			return this == SYSTEM || this == PIPELINE || this == GOODS;
		}

		public String label() {
			return this.label;
		}

	}

	/** One list an entry is on: the list, its own identifier and name for the entry, and its programs. */
	public record ListRef(String list, String entryId, String entryName, List<String> programs) {

		public ListRef {
			programs = List.copyOf(programs);
		}

	}

	public @Nullable String attribute(String key) {
		return this.attributes.get(key);
	}

	public Set<String> listIds() {
		return this.lists.stream().map(ListRef::list).collect(java.util.stream.Collectors.toSet());
	}

}
