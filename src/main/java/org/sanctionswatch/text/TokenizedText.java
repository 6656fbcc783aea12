package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Folded tokens of a text with the character span each covers in the original. A token ends at a separator
 * and at every letter/digit boundary, so "S-400", "S400" and "С-400" all give the tokens {@code s 400}. A
 * word written in Cyrillic alone is folded from its lemma ({@link CyrillicWords}), so that Russian inflection
 * does not hide a name; abbreviations in capitals and words that mix scripts fold letter by letter.
 */
public final class TokenizedText {

	private final String original;

	private final String[] tokens;

	private final int[] starts;

	private final int[] ends;

	private final @Nullable TokenVocabulary vocabulary;

	private final int @Nullable [] ids;

	private TokenizedText(String original, String[] tokens, int[] starts, int[] ends,
			@Nullable TokenVocabulary vocabulary, int @Nullable [] ids) {
		this.original = original;
		this.tokens = tokens;
		this.starts = starts;
		this.ends = ends;
		this.vocabulary = vocabulary;
		this.ids = ids;
	}

	public static TokenizedText of(String text) {
		return of(text, null);
	}

	/** The folded lemmas of the Cyrillic words of a name that are written in their dictionary form. */
	public static java.util.Set<String> dictionaryForms(String name) {
		java.util.Set<String> out = new java.util.HashSet<>();
		int i = 0;
		while (i < name.length()) {
			while (i < name.length() && !CyrillicWords.isCyrillicLetter(name.charAt(i))) {
				i++;
			}
			int j = i;
			while (j < name.length() && CyrillicWords.isCyrillicLetter(name.charAt(j))) {
				j++;
			}
			if (j > i && (j == name.length() || !Character.isLetter(name.charAt(j)))) {
				String form = CyrillicWords.get().dictionaryForm(name.substring(i, j).toLowerCase(java.util.Locale.ROOT));
				if (form != null) {
					out.add(form);
				}
			}
			i = j;
		}
		return out;
	}

	/**
	 * Tokenizes against a vocabulary: a known token gets its id and the vocabulary's own {@code String}; the
	 * tokens are the same as without one.
	 */
	public static TokenizedText of(String text, @Nullable TokenVocabulary vocabulary) {
		TextFolder folder = TextFolder.get();
		Collector out = new Collector(Math.max(8, text.length() / 5), vocabulary);
		int start = -1;
		int end = -1;
		boolean digits = false;
		// one copy of the text, then plain array reads: no coder test and bounds check per String.charAt
		char[] chars = text.toCharArray();
		int length = chars.length;
		for (int i = 0; i < length; i++) {
			char c = chars[i];
			if (c < 128) {
				// ASCII folds to itself in lower case, or separates: no table, no String per character
				byte kind = ASCII[c];
				if (kind == ASCII_SEPARATOR) {
					out.flush(start, end);
					continue;
				}
				boolean digit = kind == ASCII_DIGIT;
				if (digit != digits) {
					out.flush(start, end);
				}
				if (out.length == 0) {
					start = i;
				}
				digits = digit;
				// the rest of the run of ASCII letters, or of ASCII digits, in one go
				int j = i;
				do {
					out.append(digit ? c : (char) (c | 0x20));
					j++;
				}
				while (j < length && (c = chars[j]) < 128 && ASCII[c] == kind);
				out.others += j - i;
				end = j;
				i = j - 1;
				continue;
			}
			byte cls = folder.classOf(c);
			String f = folder.foldedOf(c);
			int width = 1;
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
				f = folder.foldedOf(Character.toCodePoint(c, chars[i + 1]));
				cls = (f == null) ? TextFolder.SEPARATOR : f.isEmpty() ? TextFolder.DROP : TextFolder.TEXT;
				width = 2;
			}
			if (cls == TextFolder.DROP) {
				if (out.length > 0 && CyrillicWords.isCyrillicLetter(c)) {
					out.cyrillic(c); // the soft and hard signs fold to nothing, but the dictionary spells with them
					end = i + 1; // and the word's span, what evidence quotes, ends after them
				}
				i += width - 1;
				continue;
			}
			if (cls == TextFolder.SEPARATOR) {
				out.flush(start, end);
				i += width - 1;
				continue;
			}
			boolean cyrillic = CyrillicWords.isCyrillicLetter(c);
			for (int k = 0; k < f.length(); k++) {
				char x = f.charAt(k);
				boolean digit = Character.isDigit(x);
				if (digit != digits) {
					out.flush(start, end);
				}
				if (out.length == 0) {
					start = i;
				}
				digits = digit;
				out.append(x);
				end = i + width;
			}
			if (cyrillic) {
				out.cyrillic(c);
			}
			else {
				out.others++;
			}
			i += width - 1;
		}
		out.flush(start, end);
		return out.build(text);
	}

	private static final byte ASCII_SEPARATOR = 0;

	private static final byte ASCII_LETTER = 1;

	private static final byte ASCII_DIGIT = 2;

	private static final byte[] ASCII = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII[c] = (c >= '0' && c <= '9') ? ASCII_DIGIT
					: ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? ASCII_LETTER : ASCII_SEPARATOR;
		}
	}

	/** Growable parallel arrays of tokens and their spans, and the token being read. */
	private static final class Collector {

		private final @Nullable TokenVocabulary vocabulary;

		private String[] tokens;

		private int[] starts;

		private int[] ends;

		private int[] ids;

		private int count;

		private char[] current = new char[32];

		int length;

		private int hash;

		/** The current token's Cyrillic letters in lower case, and how many of them were capitals. */
		private char[] cyrillic = new char[32];

		private int cyrillicLength;

		private int capitals;

		/** Characters of the current token that are not Cyrillic letters. */
		int others;

		Collector(int capacity, @Nullable TokenVocabulary vocabulary) {
			this.vocabulary = vocabulary;
			this.tokens = new String[capacity];
			this.starts = new int[capacity];
			this.ends = new int[capacity];
			this.ids = (vocabulary != null) ? new int[capacity] : new int[0];
		}

		void append(char c) {
			if (this.length == this.current.length) {
				this.current = Arrays.copyOf(this.current, this.length * 2);
			}
			this.current[this.length++] = c;
			// String.hashCode of the token, kept up as it grows
			this.hash = 31 * this.hash + c;
		}

		void cyrillic(char c) {
			if (this.cyrillicLength == this.cyrillic.length) {
				this.cyrillic = Arrays.copyOf(this.cyrillic, this.cyrillicLength * 2);
			}
			if (Character.isUpperCase(c)) {
				this.capitals++;
			}
			this.cyrillic[this.cyrillicLength++] = Character.toLowerCase(c);
		}

		void flush(int start, int end) {
			if (this.length == 0) {
				this.cyrillicLength = 0;
				this.capitals = 0;
				this.others = 0;
				return;
			}
			boolean word = this.others == 0 && this.cyrillicLength > 0
					&& (this.cyrillicLength == 1 || this.capitals < this.cyrillicLength);
			if (word) {
				flushWord(start, end);
				return;
			}
			this.cyrillicLength = 0;
			this.capitals = 0;
			this.others = 0;
			if (this.count == this.tokens.length) {
				int n = this.count * 2;
				this.tokens = Arrays.copyOf(this.tokens, n);
				this.starts = Arrays.copyOf(this.starts, n);
				this.ends = Arrays.copyOf(this.ends, n);
				if (this.vocabulary != null) {
					this.ids = Arrays.copyOf(this.ids, n);
				}
			}
			String token = null;
			if (this.vocabulary != null) {
				int id = this.vocabulary.id(this.current, this.length, this.hash);
				this.ids[this.count] = id;
				if (id >= 0) {
					token = this.vocabulary.token(id);
				}
			}
			this.tokens[this.count] = (token != null) ? token : new String(this.current, 0, this.length);
			this.starts[this.count] = start;
			this.ends[this.count] = end;
			this.count++;
			this.length = 0;
			this.hash = 0;
		}

		// A Cyrillic word, folded from its lemma: its id and string are the vocabulary's when it knows the form
		private void flushWord(int start, int end) {
			String form = CyrillicWords.get().form(new String(this.cyrillic, 0, this.cyrillicLength), this.vocabulary);
			this.length = 0;
			this.hash = 0;
			for (int i = 0; i < form.length(); i++) {
				append(form.charAt(i));
			}
			this.cyrillicLength = 0;
			this.capitals = 0;
			this.others = 0;
			flush(start, end);
		}

		TokenizedText build(String text) {
			return new TokenizedText(text, Arrays.copyOf(this.tokens, this.count), Arrays.copyOf(this.starts, this.count),
					Arrays.copyOf(this.ends, this.count), this.vocabulary,
					(this.vocabulary != null) ? Arrays.copyOf(this.ids, this.count) : null);
		}

	}

	/** The vocabulary the text was tokenized against, if any. */
	public @Nullable TokenVocabulary vocabulary() {
		return this.vocabulary;
	}

	/** The id of token {@code i} in {@link #vocabulary()}, -1 when it is not there; -1 without a vocabulary. */
	public int id(int i) {
		return (this.ids != null) ? this.ids[i] : -1;
	}

	public String original() {
		return this.original;
	}

	public int size() {
		return this.tokens.length;
	}

	public String token(int i) {
		return this.tokens[i];
	}

	public List<String> tokens() {
		return new ArrayList<>(Arrays.asList(this.tokens));
	}

	/** Offset in the original text where token {@code i} starts. */
	public int start(int i) {
		return this.starts[i];
	}

	/** Offset in the original text just after token {@code i}. */
	public int end(int i) {
		return this.ends[i];
	}

	/** The original characters between two adjacent tokens, e.g. {@code "-"} or {@code " "}. */
	public String gapBefore(int i) {
		return (i == 0) ? "" : this.original.substring(this.ends[i - 1], this.starts[i]);
	}

	/** Whether the original characters between token {@code i - 1} and token {@code i} hold {@code c}. */
	public boolean gapContains(int i, char c) {
		if (i == 0) {
			return false;
		}
		for (int k = this.ends[i - 1]; k < this.starts[i]; k++) {
			if (this.original.charAt(k) == c) {
				return true;
			}
		}
		return false;
	}

	/** Index of the first token starting at or after {@code offset}. */
	public int firstTokenAtOrAfter(int offset) {
		int i = Arrays.binarySearch(this.starts, offset);
		return (i >= 0) ? i : -i - 1;
	}

}
