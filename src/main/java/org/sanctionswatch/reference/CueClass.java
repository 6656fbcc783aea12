package org.sanctionswatch.reference;

/** The classes of words in {@code cues.yaml}; the category of a cue entry is one of their labels. */
public enum CueClass {

	TRANSACTION("transaction"), BACKGROUND("background"), CONSEQUENCE("consequence"), NEGATION("negation"), REFUSAL("refusal"),
	STATUS_CHANGE("status-change"), COMMENTARY("commentary"), HISTORY("history"), NEGOTIATION("negotiation"),
	SPECULATION("speculation"), OPERATIONAL("operational"),
	NON_TRANSACTION("non-transaction"), DEFENSE_CONTEXT("defense-context"), ENERGY_CONTEXT("energy-context");

	private final String label;

	CueClass(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	// asked for every cue found in every clause: one look-up, not a copy of values() and a string per class
	private static final java.util.Map<String, CueClass> BY_LABEL = java.util.Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(CueClass::label, c -> c));

	public static CueClass of(String label) {
		CueClass c = BY_LABEL.get(label);
		if (c != null) {
			return c;
		}
		throw new IllegalArgumentException("unknown cue class '" + label + "'");
	}

}
