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

	private static int blankLines(String text, int from, int to) {
		int breaks = 0;
		int newlines = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				newlines++;
				if (newlines == 2) {
					breaks++;
				}
			}
			else if (!Character.isWhitespace(c)) {
				newlines = 0;
			}
		}
		return breaks;
	}

}
