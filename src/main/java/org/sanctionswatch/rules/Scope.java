package org.sanctionswatch.rules;

/** Where all parts of a condition must hold together. */
public enum Scope {

	/** One reported transaction, with its parties' roles. */
	TRANSACTION,

	/** One sentence. */
	SENTENCE,

	/** One paragraph. */
	PARAGRAPH,

	/** Anywhere in the article. */
	ARTICLE

}
