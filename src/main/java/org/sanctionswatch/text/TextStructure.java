package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

/**
 * Sentences and paragraphs of a text, as character spans of the original. The Unicode sentence rules (as ICU
 * applies them), with ICU's standard English abbreviation suppressions ("U.S.", "Mr."), decide where sentences
 * end; a blank line ends a paragraph.
 */
public final class TextStructure {

	// What BreakIterator.getSentenceInstance("en@ss=standard") builds, ICU's English abbreviation filter around
	// ICU's sentence rules, with the rules applied by SentenceBoundaries
	private static final BreakIterator PROTOTYPE = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH)
		.wrapIteratorWithFilter(new SentenceBoundaries());

	private TextStructure() {
	}

	public record Sentence(int index, int paragraph, int start, int end) {
	}

	public static List<Sentence> sentences(String text) {
		BreakIterator it = (BreakIterator) PROTOTYPE.clone();
		it.setText(new SentenceBoundaries.Text(text));
		List<Sentence> sentences = new ArrayList<>();
		int paragraph = 0;
		int scanned = 0;
		int start = it.first();
		for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
			int s = start;
			int e = end;
			while (s < e && Character.isWhitespace(text.charAt(s))) {
				s++;
			}
			while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
				e--;
			}
			paragraph += blankLines(text, scanned, s);
			scanned = s;
			if (s < e) {
				sentences.add(new Sentence(sentences.size(), paragraph, s, e));
			}
		}
		return sentences;
	}

	// A run of newlines with only whitespace between them is one break however long; the text between two
	// newlines is read only when a second newline is there to count.
	private static int blankLines(String text, int from, int to) {
		int breaks = 0;
		int newlines = 0;
		int previous = -1;
		for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
			newlines = (previous >= 0 && blank(text, previous + 1, i)) ? newlines + 1 : 1;
			if (newlines == 2) {
				breaks++;
			}
			previous = i;
		}
		return breaks;
	}

	private static boolean blank(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
