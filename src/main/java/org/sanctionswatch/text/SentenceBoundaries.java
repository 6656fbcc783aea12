package org.sanctionswatch.text;

import java.text.CharacterIterator;
import java.util.Arrays;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The Unicode sentence boundaries (UAX #29, rules SB1-SB998) of a text, before abbreviations are suppressed.
 * ICU's rule-based iterator reads every character through a generic state machine, which made it a fifth of
 * the screening time. Here a text whose characters all fall in the plain sentence-break classes (no combining
 * marks, no format characters, no surrogates: nearly all news) is read by a direct coding of the rules over
 * ICU's own {@code Sentence_Break} property; any other text is handed to ICU's iterator whole. ICU's filter
 * wraps this iterator exactly as it wraps its own, so "U.S." and "Mr." are suppressed by ICU's data.
 * {@code SentenceBoundariesTests} compares the two on random and real text.
 */
final class SentenceBoundaries extends BreakIterator {

	private static final byte OTHER = 0;

	private static final byte CR = 1;

	private static final byte LF = 2;

	private static final byte SEP = 3;

	private static final byte SP = 4;

	private static final byte LOWER = 5;

	private static final byte UPPER = 6;

	private static final byte OLETTER = 7;

	private static final byte NUMERIC = 8;

	private static final byte ATERM = 9;

	private static final byte STERM = 10;

	private static final byte CLOSE = 11;

	private static final byte SCONTINUE = 12;

	/** Extend, Format and surrogates: left to ICU. */
	private static final byte UNHANDLED = 13;

	private static final byte[] CLASSES = classes();

	private static final BreakIterator ICU = BreakIterator.getSentenceInstance(ULocale.ENGLISH);

	private Text text = new Text("");

	private int[] boundaries = { 0 };

	private int current;

	private static byte[] classes() {
		byte[] classes = new byte[65536];
		for (int c = 0; c < 65536; c++) {
			classes[c] = (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? UNHANDLED
					: switch (UCharacter.getIntPropertyValue(c, UProperty.SENTENCE_BREAK)) {
						case UCharacter.SentenceBreak.CR -> CR;
						case UCharacter.SentenceBreak.LF -> LF;
						case UCharacter.SentenceBreak.SEP -> SEP;
						case UCharacter.SentenceBreak.SP -> SP;
						case UCharacter.SentenceBreak.LOWER -> LOWER;
						case UCharacter.SentenceBreak.UPPER -> UPPER;
						case UCharacter.SentenceBreak.OLETTER -> OLETTER;
						case UCharacter.SentenceBreak.NUMERIC -> NUMERIC;
						case UCharacter.SentenceBreak.ATERM -> ATERM;
						case UCharacter.SentenceBreak.STERM -> STERM;
						case UCharacter.SentenceBreak.CLOSE -> CLOSE;
						case UCharacter.SentenceBreak.SCONTINUE -> SCONTINUE;
						case UCharacter.SentenceBreak.OTHER -> OTHER;
						default -> UNHANDLED;
					};
		}
		return classes;
	}

	/** Boundaries of {@code text}: 0, then the end of every sentence, the last being the end of the text. */
	static int[] of(String text) {
		int[] own = plain(text);
		return (own != null) ? own : icu(text);
	}

	private static int[] icu(String text) {
		BreakIterator it = (BreakIterator) ICU.clone();
		it.setText(text);
		Boundaries out = new Boundaries(text.length());
		for (int b = it.first(); b != DONE; b = it.next()) {
			out.add(b);
		}
		return out.toArray();
	}

	/** The boundaries by the rules of UAX #29, or {@code null} when a character is of a class left to ICU. */
	static int[] plain(String text) {
		int n = text.length();
		Boundaries out = new Boundaries(n);
		out.add(0);
		int i = 0;
		while (i < n) {
			byte c = CLASSES[text.charAt(i)];
			switch (c) {
				case UNHANDLED -> {
					return null;
				}
				case CR -> {
					// SB3, SB4: CR × LF, then ParaSep ÷
					i += (i + 1 < n && CLASSES[text.charAt(i + 1)] == LF) ? 2 : 1;
					out.add(i);
				}
				case LF, SEP -> {
					i++;
					out.add(i);
				}
				case ATERM, STERM -> i = afterTerminator(text, i, c, out);
				default -> i++;
			}
		}
		out.add(n);
		return out.toArray();
	}

	// SATerm Close* Sp*: SB9 and SB10 forbid a break inside; SB6, SB7, SB8 and SB8a may forbid one at its end;
	// else SB11 puts one there, or after a following ParaSep (which SB4 does anyway).
	private static int afterTerminator(String text, int terminator, byte kind, Boundaries out) {
		int n = text.length();
		int k = terminator + 1;
		while (k < n && CLASSES[text.charAt(k)] == CLOSE) {
			k++;
		}
		while (k < n && CLASSES[text.charAt(k)] == SP) {
			k++;
		}
		if (k == n) {
			return n;
		}
		byte next = CLASSES[text.charAt(k)];
		if (next == UNHANDLED || next == CR || next == LF || next == SEP) {
			return k;
		}
		if (next == SCONTINUE || next == ATERM || next == STERM) {
			return k; // SB8a
		}
		if (kind == ATERM) {
			if (k == terminator + 1 && next == NUMERIC) {
				return k; // SB6
			}
			if (k == terminator + 1 && next == UPPER && terminator > 0) {
				byte before = CLASSES[text.charAt(terminator - 1)];
				if (before == UPPER || before == LOWER) {
					return k; // SB7
				}
			}
			if (lowerAhead(text, k)) {
				return k; // SB8
			}
		}
		out.add(k);
		return k;
	}

	// SB8: ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
	private static boolean lowerAhead(String text, int from) {
		for (int m = from; m < text.length(); m++) {
			switch (CLASSES[text.charAt(m)]) {
				case LOWER -> {
					return true;
				}
				case OLETTER, UPPER, CR, LF, SEP, ATERM, STERM -> {
					return false;
				}
				// an Extend or Format character would attach to the one before it (SB5): ICU decides
				case UNHANDLED -> {
					return false;
				}
				default -> {
				}
			}
		}
		return false;
	}

	/** Growable sorted list of boundaries that ignores repeats. */
	private static final class Boundaries {

		private int[] values;

		private int count;

		Boundaries(int length) {
			this.values = new int[Math.max(4, length / 64)];
		}

		void add(int boundary) {
			if (this.count > 0 && this.values[this.count - 1] >= boundary) {
				return;
			}
			if (this.count == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.count * 2);
			}
			this.values[this.count++] = boundary;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.count);
		}

	}

	@Override
	public int first() {
		this.current = 0;
		return this.boundaries[0];
	}

	@Override
	public int last() {
		this.current = this.boundaries.length - 1;
		return this.boundaries[this.current];
	}

	@Override
	public int next(int n) {
		int result = current();
		for (int k = 0; k < n && result != DONE; k++) {
			result = next();
		}
		for (int k = 0; k > n && result != DONE; k--) {
			result = previous();
		}
		return result;
	}

	@Override
	public int next() {
		if (this.current + 1 >= this.boundaries.length) {
			this.current = this.boundaries.length - 1;
			return DONE;
		}
		return this.boundaries[++this.current];
	}

	@Override
	public int previous() {
		if (this.current == 0) {
			return DONE;
		}
		return this.boundaries[--this.current];
	}

	@Override
	public int following(int offset) {
		int i = Arrays.binarySearch(this.boundaries, offset);
		i = (i >= 0) ? i + 1 : -i - 1;
		if (i >= this.boundaries.length) {
			this.current = this.boundaries.length - 1;
			return DONE;
		}
		this.current = i;
		return this.boundaries[i];
	}

	@Override
	public int preceding(int offset) {
		int i = Arrays.binarySearch(this.boundaries, offset);
		i = (i >= 0) ? i - 1 : -i - 2;
		if (i < 0) {
			this.current = 0;
			return DONE;
		}
		this.current = i;
		return this.boundaries[i];
	}

	@Override
	public int current() {
		return this.boundaries[this.current];
	}

	@Override
	public CharacterIterator getText() {
		return this.text;
	}

	@Override
	public void setText(String newText) {
		setText(new Text(newText));
	}

	@Override
	public void setText(CharacterIterator newText) {
		Text t = (newText instanceof Text own) ? own : new Text(contents(newText));
		this.text = t;
		this.boundaries = of(t.string);
		this.current = 0;
	}

	private static String contents(CharacterIterator it) {
		StringBuilder out = new StringBuilder(it.getEndIndex() - it.getBeginIndex());
		for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
			out.append(c);
		}
		return out.toString();
	}

	@Override
	public SentenceBoundaries clone() {
		SentenceBoundaries copy = (SentenceBoundaries) super.clone();
		copy.text = (Text) this.text.clone();
		return copy;
	}

	/** A character iterator over a string that hands the string itself back to this iterator. */
	static final class Text implements CharacterIterator {

		final String string;

		private int index;

		Text(String string) {
			this.string = string;
		}

		@Override
		public char first() {
			this.index = 0;
			return current();
		}

		@Override
		public char last() {
			this.index = Math.max(0, this.string.length() - 1);
			return current();
		}

		@Override
		public char current() {
			return (this.index < this.string.length()) ? this.string.charAt(this.index) : DONE;
		}

		@Override
		public char next() {
			if (this.index < this.string.length()) {
				this.index++;
			}
			return current();
		}

		@Override
		public char previous() {
			if (this.index == 0) {
				return DONE;
			}
			this.index--;
			return current();
		}

		@Override
		public char setIndex(int position) {
			if (position < 0 || position > this.string.length()) {
				throw new IllegalArgumentException("index " + position + " outside 0.." + this.string.length());
			}
			this.index = position;
			return current();
		}

		@Override
		public int getBeginIndex() {
			return 0;
		}

		@Override
		public int getEndIndex() {
			return this.string.length();
		}

		@Override
		public int getIndex() {
			return this.index;
		}

		@Override
		public Object clone() {
			try {
				return super.clone();
			}
			catch (CloneNotSupportedException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
