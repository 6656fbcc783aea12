package org.sanctionswatch.language;

import java.util.ArrayList;
import java.util.List;

import org.sanctionswatch.language.RussianReading.Feature;
import org.sanctionswatch.language.RussianReading.PartOfSpeech;

/**
 * A Russian word form and every reading the dictionary gives it; an unknown form (a company, a designation) has
 * none and stands for itself through its stem.
 *
 * @param form the form looked up, in lower case
 * @param lemmas the distinct lemmas of the readings, likeliest first; empty for an unknown form
 * @param stem the Snowball stem of an unknown form, what inflected forms of the same unknown name share
 */
public record RussianWord(String form, List<RussianReading> readings, List<String> lemmas, String stem) {

	public RussianWord {
		readings = List.copyOf(readings);
		lemmas = List.copyOf(lemmas);
	}

	public boolean known() {
		return !this.readings.isEmpty();
	}

	public boolean any(PartOfSpeech pos) {
		for (RussianReading r : this.readings) {
			if (r.pos() == pos) {
				return true;
			}
		}
		return false;
	}

	public boolean any(PartOfSpeech pos, Feature feature) {
		for (RussianReading r : this.readings) {
			if (r.pos() == pos && r.is(feature)) {
				return true;
			}
		}
		return false;
	}

	public boolean anyCase(Feature grammaticalCase) {
		for (RussianReading r : this.readings) {
			if (r.is(grammaticalCase)) {
				return true;
			}
		}
		return false;
	}

	/** Whether every reading is of this part of speech (and there is one). */
	public boolean only(PartOfSpeech pos) {
		if (this.readings.isEmpty()) {
			return false;
		}
		for (RussianReading r : this.readings) {
			if (r.pos() != pos) {
				return false;
			}
		}
		return true;
	}

	/** Readings ordered so that the dictionary form of the word itself, then nouns, come first. */
	static List<String> lemmasOf(String form, List<RussianReading> readings) {
		List<RussianReading> sorted = new ArrayList<>(readings);
		sorted.sort((a, b) -> Integer.compare(rank(form, a), rank(form, b)));
		List<String> lemmas = new ArrayList<>();
		for (RussianReading r : sorted) {
			if (!lemmas.contains(r.lemma())) {
				lemmas.add(r.lemma());
			}
		}
		return lemmas;
	}

	// A name is written in its dictionary form, so a reading whose lemma is the form itself is the likeliest
	// for a name; among the rest, nouns before adjectives before verbs, as names are made of them
	private static int rank(String form, RussianReading r) {
		int own = r.lemma().equals(form) ? 0 : 100;
		int pos = switch (r.pos()) {
			case NOUN -> 0;
			case ADJECTIVE -> 1;
			case ABBREVIATION -> 2;
			case VERB, PARTICIPLE, SHORT_PARTICIPLE, GERUND -> 3;
			default -> 4;
		};
		return own + pos;
	}

}
