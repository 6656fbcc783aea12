package org.sanctionswatch.reference;

/** The classes of words in {@code cues.yaml}; the category of a cue entry is one of their labels. */
public enum CueClass {

	TRANSACTION("transaction"), BACKGROUND("background"), CONSEQUENCE("consequence"), NEGATION("negation"), REFUSAL("refusal"),
	NEGOTIATION("negotiation"), OPERATIONAL("operational"), NON_TRANSACTION("non-transaction"),
	DEFENSE_CONTEXT("defense-context"), ENERGY_CONTEXT("energy-context");

	private final String label;

	CueClass(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static CueClass of(String label) {
		for (CueClass c : values()) {
			if (c.label.equals(label)) {
				return c;
			}
		}
		throw new IllegalArgumentException("unknown cue class '" + label + "'");
	}

}
