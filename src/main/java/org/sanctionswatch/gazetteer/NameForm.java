package org.sanctionswatch.gazetteer;

/** How a name stands for its entry; it changes what a mention of it may mean in a sentence. */
public enum NameForm {

	/** The entry's own name or a safe alias. */
	NAME,

	/** A short or colliding alias: it counts only where the sentence talks about defence or energy. */
	CONTEXTUAL,

	/** A single-word name from a sanctions list: it counts only when written as a proper noun. */
	PROPER_NOUN,

	/** A capital standing for its government ("Ankara"). */
	CAPITAL,

	/** "Turkish": a party when it qualifies an official or a firm, an origin when it qualifies goods. */
	DEMONYM,

	/** A city, port or base: a location, not a party. */
	PLACE,

	/** A transaction word used as a past participle: "systems bought in 2017" describes, it does not report. */
	PARTICIPLE

}
