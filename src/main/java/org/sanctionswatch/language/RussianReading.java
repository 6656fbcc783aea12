package org.sanctionswatch.language;

import java.util.EnumSet;
import java.util.Set;

/**
 * One reading of a Russian word form: its lemma, part of speech and grammatical features, decoded from the
 * AOT tag set of LanguageTool's dictionary ({@code NN:Inanim:Fem:Sin:D}, {@code VB:Past:TRANS:PFV:Fem},
 * {@code PT:Past:TRANS:PFV:STR:PL:Nom}).
 */
public record RussianReading(String lemma, PartOfSpeech pos, Set<Feature> features) {

	public RussianReading {
		features = (features.isEmpty()) ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
	}

	public enum PartOfSpeech {

		NOUN, ADJECTIVE, VERB, PARTICIPLE, SHORT_PARTICIPLE, GERUND, ADVERB, PREPOSITION, CONJUNCTION, PARTICLE,
		PRONOUN, NUMERAL, ABBREVIATION, PREDICATIVE, PARENTHESIS, INTERJECTION, OTHER

	}

	public enum Feature {

		NOMINATIVE, GENITIVE, DATIVE, ACCUSATIVE, INSTRUMENTAL, PREPOSITIONAL, VOCATIVE,
		SINGULAR, PLURAL, MASCULINE, FEMININE, NEUTER, ANIMATE, INANIMATE,
		PAST, PRESENT, FUTURE, INFINITIVE, IMPERATIVE, PERFECTIVE, IMPERFECTIVE, TRANSITIVE, INTRANSITIVE,
		ACTIVE, PASSIVE, IMPERSONAL, FIRST_PERSON, SECOND_PERSON, THIRD_PERSON, GIVEN_NAME, PATRONYMIC, SURNAME,
		COMPARATIVE, SUPERLATIVE, POSSESSIVE, ORDINAL

	}

	public boolean is(Feature feature) {
		return this.features.contains(feature);
	}

	/** Any case at all: nouns, adjectives, participles, pronouns and numerals carry one. */
	public boolean hasCase() {
		for (Feature f : this.features) {
			if (f.ordinal() <= Feature.VOCATIVE.ordinal()) {
				return true;
			}
		}
		return false;
	}

	static RussianReading parse(String lemma, String tag) {
		String[] atoms = tag.split(":");
		PartOfSpeech pos = switch (atoms[0]) {
			case "NN" -> PartOfSpeech.NOUN;
			case "ADJ" -> PartOfSpeech.ADJECTIVE;
			case "VB" -> PartOfSpeech.VERB;
			case "PT" -> PartOfSpeech.PARTICIPLE;
			case "PT_Short" -> PartOfSpeech.SHORT_PARTICIPLE;
			case "DPT" -> PartOfSpeech.GERUND;
			case "ADV" -> PartOfSpeech.ADVERB;
			case "PREP" -> PartOfSpeech.PREPOSITION;
			case "CONJ" -> PartOfSpeech.CONJUNCTION;
			case "PARTICLE" -> PartOfSpeech.PARTICLE;
			case "PNN" -> PartOfSpeech.PRONOUN;
			case "Num", "NumC", "Ord" -> PartOfSpeech.NUMERAL;
			case "ABR" -> PartOfSpeech.ABBREVIATION;
			case "PRDC" -> PartOfSpeech.PREDICATIVE;
			case "PARENTHESIS" -> PartOfSpeech.PARENTHESIS;
			case "INTERJECTION" -> PartOfSpeech.INTERJECTION;
			default -> PartOfSpeech.OTHER;
		};
		EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
		for (int i = 1; i < atoms.length; i++) {
			Feature f = switch (atoms[i]) {
				case "Nom" -> Feature.NOMINATIVE;
				case "R", "2R" -> Feature.GENITIVE;
				case "D" -> Feature.DATIVE;
				case "V" -> Feature.ACCUSATIVE;
				case "T" -> Feature.INSTRUMENTAL;
				case "P", "2P" -> Feature.PREPOSITIONAL;
				case "Z" -> Feature.VOCATIVE;
				case "Sin" -> Feature.SINGULAR;
				case "PL" -> Feature.PLURAL;
				case "Masc" -> Feature.MASCULINE;
				case "Fem" -> Feature.FEMININE;
				case "Neut" -> Feature.NEUTER;
				case "Anim" -> Feature.ANIMATE;
				case "Inanim" -> Feature.INANIMATE;
				case "Past" -> Feature.PAST;
				case "Real" -> Feature.PRESENT;
				case "Fut" -> Feature.FUTURE;
				case "INF" -> Feature.INFINITIVE;
				case "IMP" -> Feature.IMPERATIVE;
				case "PFV" -> Feature.PERFECTIVE;
				case "IMPFV" -> Feature.IMPERFECTIVE;
				case "TRANS" -> Feature.TRANSITIVE;
				case "INTR" -> Feature.INTRANSITIVE;
				case "DST" -> Feature.ACTIVE;
				case "STR" -> Feature.PASSIVE;
				case "bezl" -> Feature.IMPERSONAL;
				case "P1" -> Feature.FIRST_PERSON;
				case "P2" -> Feature.SECOND_PERSON;
				case "P3" -> Feature.THIRD_PERSON;
				case "Name" -> Feature.GIVEN_NAME;
				case "Patr" -> Feature.PATRONYMIC;
				case "Fam" -> Feature.SURNAME;
				case "Comp" -> Feature.COMPARATIVE;
				case "Sup" -> Feature.SUPERLATIVE;
				case "MPR" -> Feature.POSSESSIVE;
				case "Ord" -> Feature.ORDINAL;
				default -> null;
			};
			if (f != null) {
				features.add(f);
			}
			if (atoms[i].equals("2PFV")) {
				features.add(Feature.PERFECTIVE);
				features.add(Feature.IMPERFECTIVE);
			}
		}
		if (pos == PartOfSpeech.SHORT_PARTICIPLE) {
			// short participles are passive: "поставлены", "подписан"
			features.add(Feature.PASSIVE);
		}
		return new RussianReading(lemma, pos, features);
	}

}
