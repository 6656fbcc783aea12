package org.sanctionswatch.rules;

import java.util.List;
import java.util.Set;

import org.sanctionswatch.analysis.Item;
import org.sanctionswatch.analysis.Party;
import org.sanctionswatch.analysis.Span;

/** What a condition is evaluated against: one transaction, or the names of one sentence, paragraph or article. */
public record Facts(Set<String> kinds, String stage, List<Party> parties, List<Item> items, List<Span> evidence) {

	public Facts {
		kinds = Set.copyOf(kinds);
		parties = List.copyOf(parties);
		items = List.copyOf(items);
		evidence = List.copyOf(evidence);
	}

}
