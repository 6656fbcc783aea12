package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Sentences and paragraphs of a text, as character spans of the original. ICU's sentence rules, with the
 * standard abbreviation suppressions ("U.S.", "Mr."), decide where sentences end; a blank line ends a
 * paragraph.
 */
public final class TextStructure {

	private static final BreakIterator PROTOTYPE = BreakIterator
		.getSentenceInstance(new ULocale("en@ss=standard"));

	private TextStructure() {
	}

	public record Sentence(int index, int paragraph, int start, int end) {
	}

	public static List<Sentence> sentences(String text) {
		BreakIterator it = (BreakIterator) PROTOTYPE.clone();
		it.setText(text);
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
