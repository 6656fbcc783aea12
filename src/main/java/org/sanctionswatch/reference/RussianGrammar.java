package org.sanctionswatch.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Russian grammar words the role analysis reads, from {@code cues-ru.yaml}, each already in the folded
 * lemma form that Russian tokens take ({@code TokenizedText}): prepositions with the case they govern and the
 * role they give, clause openers, auxiliaries, and the nouns through which a country acts.
 */
public record RussianGrammar(List<Preposition> prepositions, Set<String> clauseOpeners, Set<String> auxiliaries,
		Set<String> coordinators, Set<String> temporalPrepositions, Set<List<String>> actorNouns,
		Map<String, List<String>> unknownWordEndings, Set<String> relativePronouns, Set<String> asides) {

	public RussianGrammar {
		asides = Set.copyOf(asides);
		relativePronouns = Set.copyOf(relativePronouns);
		prepositions = List.copyOf(prepositions);
		clauseOpeners = Set.copyOf(clauseOpeners);
		auxiliaries = Set.copyOf(auxiliaries);
		coordinators = Set.copyOf(coordinators);
		temporalPrepositions = Set.copyOf(temporalPrepositions);
		actorNouns = Set.copyOf(actorNouns);
		unknownWordEndings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknownWordEndings));
	}

	/** The cases a word the dictionary does not know may be in, by its longest listed ending. */
	public List<String> casesOfUnknown(String word) {
		for (int n = Math.min(3, word.length() - 1); n >= 0; n--) {
			List<String> cases = this.unknownWordEndings.get(word.substring(word.length() - n));
			if (cases != null) {
				return cases;
			}
		}
		return List.of();
	}

	/** What a prepositional phrase makes of the party in it. */
	public enum PrepositionRole {

		SELLER, RECIPIENT, PARTNER, AGENT, SOURCE, PLACE

	}

	/**
	 * A preposition (one or more folded words), the grammatical case it governs in this sense, and its role.
	 *
	 * @param grammaticalCase a {@code RussianReading.Feature} name: GENITIVE, ACCUSATIVE ...
	 * @param direction the direction of deal the role holds for ("у России" sells to a buyer), or null for any
	 */
	public record Preposition(List<String> words, String grammaticalCase, PrepositionRole role,
			@org.jspecify.annotations.Nullable String direction) {

		public Preposition {
			words = List.copyOf(words);
		}

	}

}
