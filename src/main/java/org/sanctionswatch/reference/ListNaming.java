package org.sanctionswatch.reference;

import java.util.List;
import java.util.Set;

/**
 * The words that shape how sanctions-list names are matched, from {@code list-names.yaml}, folded: legal forms
 * left out of names, and generic words that alone name no one organisation.
 */
public record ListNaming(Set<String> legalForms, List<String> legalPhrases, Set<String> genericWords) {

	public ListNaming {
		legalForms = Set.copyOf(legalForms);
		legalPhrases = List.copyOf(legalPhrases);
		genericWords = Set.copyOf(genericWords);
	}

}
