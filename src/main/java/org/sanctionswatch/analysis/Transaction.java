package org.sanctionswatch.analysis;

import java.util.List;
import java.util.Set;

/**
 * A deal reported by one clause of the article, with the parties and items it involves.
 *
 * @param sentence the reporting sentence
 * @param kinds purchase, sale, delivery, contract, joint-production, technology-transfer, financing ...
 * @param stage negotiation, agreed or delivery
 * @param context sentences that supplied a party or an item the reporting sentence left out
 */
public record Transaction(Span sentence, Set<String> kinds, String stage, List<Party> parties, List<Item> items,
		List<Span> context) {

	public Transaction {
		kinds = Set.copyOf(kinds);
		parties = List.copyOf(parties);
		items = List.copyOf(items);
		context = List.copyOf(context);
	}

}
