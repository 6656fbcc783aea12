package org.sanctionswatch.analysis;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.text.TokenizedText;

/**
 * The grammar of one language, as the transaction analysis needs it: which of the vocabulary's words are its
 * own, where a clause starts, and for a clause with a transaction word, which of those words report a deal
 * and what part each named party plays in it.
 */
interface ClauseReader {

	/** Whether a cue entry of the vocabulary is a word of this language. */
	boolean reads(Entry cue);

	/** Whether a party mention can be a party at all: not a place, not a demonym of goods' origin. */
	boolean actsAsParty(ResolvedField f, org.sanctionswatch.gazetteer.Mention mention);

	/**
	 * Whether a party mention sits in a phrase of place or target ("strikes against Ukraine", "в Сирии"), which
	 * makes it no party that later sentences of the paragraph can take up.
	 */
	boolean inPlacePhrase(ResolvedField f, org.sanctionswatch.gazetteer.Mention mention);

	/** Whether token {@code t}, after a comma or a dash, starts a clause of its own. */
	boolean opensClause(TokenizedText tokens, int t);

	/**
	 * Reads the clause of tokens {@code [from, to)}; {@code null} when it holds no transaction word.
	 *
	 * @param year the year the article was published, to tell news from history; 0 when unknown
	 */
	@Nullable ClauseReading read(ResolvedField f, int from, int to, int year);

}
