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
import org.sanctionswatch.reference.ListNaming;
import org.sanctionswatch.text.TextFolder;

/**
 * The names under which a list entry can appear in news: its name and strong aliases without legal-form
 * words ("ROSOBORONEKSPORT OAO" is written "Rosoboroneksport"), individuals in both name orders. Weak
 * aliases and single short words are left out: they match too much. Which words are legal forms and which are
 * generic is reference data ({@code list-names.yaml}).
 */
final class ListNames {

	private static final int SHORTEST_SINGLE_WORD = 4;

	private final ListNaming naming;

	ListNames(ListNaming naming) {
		this.naming = naming;
	}

	void register(SanctionsList list, Gazetteer.Builder builder) {
		for (ListEntry e : list.entries()) {
			Entry entry = new Entry(e.listId() + ":" + e.entryId(), kind(e.type()), e.name(), null, "listed",
					List.of(new Entry.ListRef(e.listId(), e.entryId(), e.name(), e.programs())), Map.of());
			for (String name : names(e)) {
				String[] tokens = TextFolder.get().fold(name).split(" ");
				if (java.util.Arrays.stream(tokens).allMatch(this.naming.genericWords()::contains)) {
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

	Set<String> names(ListEntry e) {
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

	String withoutLegalForm(String folded) {
		String s = " " + folded + " ";
		for (String phrase : this.naming.legalPhrases()) {
			s = s.replace(" " + phrase + " ", " ");
		}
		List<String> words = new ArrayList<>(List.of(s.trim().split(" ")));
		while (words.size() > 1 && this.naming.legalForms().contains(words.get(0))) {
			words.remove(0);
		}
		while (words.size() > 1 && this.naming.legalForms().contains(words.get(words.size() - 1))) {
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
