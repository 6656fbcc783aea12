package org.sanctionswatch.analysis;

/** What a party does in a reported transaction. */
public enum Role {

	/** Buys, orders, receives. */
	BUYER,

	/** Sells, supplies, exports, builds for another. */
	SELLER,

	/** Signs with, produces jointly with, talks with. */
	PARTNER,

	/** Named in the clause without a readable role. */
	OTHER,

	/** Named elsewhere in the paragraph, the title or the lead, where the sentence itself names nobody. */
	CONTEXT,

	/** Not named, but implied by what is traded: the state exporter of a Russian weapon system. */
	IMPLIED;

	public String label() {
		return name().toLowerCase();
	}

}
