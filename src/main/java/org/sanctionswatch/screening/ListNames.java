package org.sanctionswatch.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.lists.ListEntry;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.text.TextFolder;

/**
 * The names under which a list entry can appear in news: its name and strong aliases without legal-form
 * words ("ROSOBORONEKSPORT OAO" is written "Rosoboroneksport"), individuals in both name orders. Weak
 * aliases and single short words are left out: they match too much.
 */
final class ListNames {

	private static final Set<String> LEGAL_FORMS = Set.of("ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc",
			"pjsc", "llc", "ltd", "limited", "co", "inc", "gmbh", "sa", "sas", "bv", "plc", "fze", "fzco", "fzc", "llp",
			"srl", "spa", "ag", "nv", "pte", "pvt", "sdn", "bhd", "tov", "too", "dooel", "doo", "jv");

	private static final List<String> LEGAL_PHRASES = List.of("open joint stock company", "closed joint stock company",
			"public joint stock company", "joint stock company", "limited liability company", "private limited company",
			"company limited", "federal state unitary enterprise", "state unitary enterprise");

	private static final int SHORTEST_SINGLE_WORD = 4;

	// A list name made only of these words ("Ministry of National Defence") names an institution of many
	// countries; matching it would pin one country's listing on every other.
	private static final Set<String> GENERIC_WORDS = Set.of("ministry", "of", "for", "and", "the", "national",
			"defence", "defense", "state", "security", "committee", "council", "department", "general", "staff",
			"bureau", "office", "central", "bank", "army", "navy", "air", "force", "forces", "armed", "people", "s",
			"republic", "government", "federal", "service", "intelligence", "agency", "police", "trade", "foreign",
			"affairs", "interior", "military", "industry", "industries", "corporation", "company", "group",
			"international", "trading", "commercial", "development", "united", "main", "directorate", "administration",
			"guard", "guards", "revolutionary", "islamic", "supreme", "public", "economic", "finance", "energy",
			"oil", "gas", "shipping", "lines", "airlines", "aviation", "construction", "engineering");

	private ListNames() {
	}

	static void register(SanctionsList list, Gazetteer.Builder builder) {
		for (ListEntry e : list.entries()) {
			Entry entry = new Entry(e.listId() + ":" + e.entryId(), kind(e.type()), e.name(), null, "listed",
					List.of(new Entry.ListRef(e.listId(), e.entryId(), e.name(), e.programs())), Map.of());
			for (String name : names(e)) {
				String[] tokens = TextFolder.get().fold(name).split(" ");
				if (java.util.Arrays.stream(tokens).allMatch(GENERIC_WORDS::contains)) {
					continue;
				}
				int words = tokens.length;
				if (words >= 2) {
					builder.name(entry, name, NameForm.NAME);
				}
				else if (name.length() >= SHORTEST_SINGLE_WORD) {
					builder.name(entry, name, NameForm.PROPER_NOUN);
				}
			}
		}
	}

	static Set<String> names(ListEntry e) {
		List<String> raw = new ArrayList<>();
		raw.add(e.name());
		e.aliases().stream().filter(a -> !a.weak()).forEach(a -> raw.add(a.name()));
		Set<String> out = new LinkedHashSet<>();
		for (String name : raw) {
			if (e.type() == ListEntry.Type.INDIVIDUAL) {
				out.addAll(personNames(name));
			}
			else {
				String folded = withoutLegalForm(TextFolder.get().fold(name));
				if (!folded.isBlank()) {
					out.add(folded);
				}
			}
		}
		return out;
	}

	// "DEMIR, Ismail" is written "Ismail Demir" in news, and "KIM Jong Un" keeps the surname first
	private static List<String> personNames(String name) {
		int comma = name.indexOf(',');
		if (comma < 0) {
			return List.of(name);
		}
		String last = name.substring(0, comma).trim();
		String given = name.substring(comma + 1).trim();
		if (given.isEmpty()) {
			return List.of(last);
		}
		return List.of(given + " " + last, last + " " + given);
	}

	static String withoutLegalForm(String folded) {
		String s = " " + folded + " ";
		for (String phrase : LEGAL_PHRASES) {
			s = s.replace(" " + phrase + " ", " ");
		}
		List<String> words = new ArrayList<>(List.of(s.trim().split(" ")));
		while (words.size() > 1 && LEGAL_FORMS.contains(words.get(0))) {
			words.remove(0);
		}
		while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
			words.remove(words.size() - 1);
		}
		return String.join(" ", words);
	}

	private static Entry.Kind kind(ListEntry.Type type) {
		return switch (type) {
			case INDIVIDUAL -> Entry.Kind.PERSON;
			case VESSEL, AIRCRAFT -> Entry.Kind.VESSEL;
			case ENTITY -> Entry.Kind.ORGANISATION;
		};
	}

}
