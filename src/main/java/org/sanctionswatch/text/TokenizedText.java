package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Folded tokens of a text with the character span each covers in the original. A token ends at a separator
 * and at every letter/digit boundary, so "S-400", "S400" and "С-400" all give the tokens {@code s 400}.
 */
public final class TokenizedText {

	private final String original;

	private final String[] tokens;

	private final int[] starts;

	private final int[] ends;

	private TokenizedText(String original, String[] tokens, int[] starts, int[] ends) {
		this.original = original;
		this.tokens = tokens;
		this.starts = starts;
		this.ends = ends;
	}

	public static TokenizedText of(String text) {
		TextFolder folder = TextFolder.get();
		Collector out = new Collector(Math.max(8, text.length() / 5));
		StringBuilder current = new StringBuilder(32);
		int start = -1;
		int end = -1;
		boolean digits = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			byte cls = folder.classOf(c);
			String f = folder.foldedOf(c);
			int width = 1;
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				f = folder.foldedOf(Character.toCodePoint(c, text.charAt(i + 1)));
				cls = (f == null) ? TextFolder.SEPARATOR : f.isEmpty() ? TextFolder.DROP : TextFolder.TEXT;
				width = 2;
			}
			if (cls == TextFolder.DROP) {
				i += width - 1;
				continue;
			}
			if (cls == TextFolder.SEPARATOR) {
				out.flush(current, start, end);
				i += width - 1;
				continue;
			}
			for (int k = 0; k < f.length(); k++) {
				char x = f.charAt(k);
				boolean digit = Character.isDigit(x);
				if (digit != digits) {
					out.flush(current, start, end);
				}
				if (current.length() == 0) {
					start = i;
				}
				digits = digit;
				current.append(x);
				end = i + width;
			}
			i += width - 1;
		}
		out.flush(current, start, end);
		return out.build(text);
	}

	/** Growable parallel arrays of tokens and their spans. */
	private static final class Collector {

		private String[] tokens;

		private int[] starts;

		private int[] ends;

		private int count;

		Collector(int capacity) {
			this.tokens = new String[capacity];
			this.starts = new int[capacity];
			this.ends = new int[capacity];
		}

		void flush(StringBuilder current, int start, int end) {
			if (current.length() == 0) {
				return;
			}
			if (this.count == this.tokens.length) {
				int n = this.count * 2;
				this.tokens = Arrays.copyOf(this.tokens, n);
				this.starts = Arrays.copyOf(this.starts, n);
				this.ends = Arrays.copyOf(this.ends, n);
			}
			this.tokens[this.count] = current.toString();
			this.starts[this.count] = start;
			this.ends[this.count] = end;
			this.count++;
			current.setLength(0);
		}

		TokenizedText build(String text) {
			return new TokenizedText(text, Arrays.copyOf(this.tokens, this.count), Arrays.copyOf(this.starts, this.count),
					Arrays.copyOf(this.ends, this.count));
		}

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
