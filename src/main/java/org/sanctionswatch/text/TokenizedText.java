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
		int capacity = Math.max(8, text.length() / 5);
		String[] tokens = new String[capacity];
		int[] starts = new int[capacity];
		int[] ends = new int[capacity];
		int count = 0;
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
				if (current.length() > 0) {
					if (count == tokens.length) {
						int n = count * 2;
						tokens = Arrays.copyOf(tokens, n);
						starts = Arrays.copyOf(starts, n);
						ends = Arrays.copyOf(ends, n);
					}
					tokens[count] = current.toString();
					starts[count] = start;
					ends[count] = end;
					count++;
					current.setLength(0);
				}
				i += width - 1;
				continue;
			}
			for (int k = 0; k < f.length(); k++) {
				char x = f.charAt(k);
				boolean digit = Character.isDigit(x);
				if (current.length() > 0 && digit != digits) {
					if (count == tokens.length) {
						int n = count * 2;
						tokens = Arrays.copyOf(tokens, n);
						starts = Arrays.copyOf(starts, n);
						ends = Arrays.copyOf(ends, n);
					}
					tokens[count] = current.toString();
					starts[count] = start;
					ends[count] = end;
					count++;
					current.setLength(0);
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
		if (current.length() > 0) {
			if (count == tokens.length) {
				tokens = Arrays.copyOf(tokens, count + 1);
				starts = Arrays.copyOf(starts, count + 1);
				ends = Arrays.copyOf(ends, count + 1);
			}
			tokens[count] = current.toString();
			starts[count] = start;
			ends[count] = end;
			count++;
		}
		return new TokenizedText(text, Arrays.copyOf(tokens, count), Arrays.copyOf(starts, count),
				Arrays.copyOf(ends, count));
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

	/** Index of the first token starting at or after {@code offset}. */
	public int firstTokenAtOrAfter(int offset) {
		int i = Arrays.binarySearch(this.starts, offset);
		return (i >= 0) ? i : -i - 1;
	}

}
