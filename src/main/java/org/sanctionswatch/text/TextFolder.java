package org.sanctionswatch.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import org.jspecify.annotations.Nullable;

/**
 * Folds every UTF-16 unit through one precomputed table: NFKC with case folding, diacritics removed, Cyrillic
 * and Greek transliterated to Latin, punctuation and spaces turned into separators, format characters (zero
 * width spaces, bidi overrides, soft hyphens) and lone surrogates dropped. ICU does the slow work once, when the table is built;
 * screening an article is then a table look-up per character.
 */
public final class TextFolder {

	static final byte SEPARATOR = 0;

	static final byte DROP = 1;

	static final byte TEXT = 2;

	private static final TextFolder INSTANCE = new TextFolder();

	private final byte[] classes = new byte[65536];

	private final String[] folded = new String[65536];

	private final Normalizer2 nfkcCasefold = Normalizer2.getNFKCCasefoldInstance();

	private final Normalizer2 nfd = Normalizer2.getNFDInstance();

	private TextFolder() {
		Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
		for (int c = 0; c < 65536; c++) {
			fold((char) c, this.nfkcCasefold, this.nfd, toLatin);
		}
	}

	public static TextFolder get() {
		return INSTANCE;
	}

	private void fold(char c, Normalizer2 nfkcCasefold, Normalizer2 nfd, Transliterator toLatin) {
		if (Character.isSurrogate(c)) {
			// Paired, the tokenizer folds the code point; alone (a JSON escape can send one) it is no character, and
			// kept as text it glued itself to a listed name and hid it from the matcher
			this.classes[c] = DROP;
			return;
		}
		int type = Character.getType(c);
		if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
			this.classes[c] = DROP;
			return;
		}
		if (c == 'ь' || c == 'ъ' || c == 'Ь' || c == 'Ъ') {
			// the soft and hard signs transliterate to apostrophes; as separators they cut words in two
			this.classes[c] = DROP;
			return;
		}
		if (c < 128) {
			if (Character.isLetterOrDigit(c)) {
				text(c, String.valueOf(Character.toLowerCase(c)));
			}
			return;
		}
		String s = nfkcCasefold.normalize(String.valueOf(c));
		if (s.isEmpty()) {
			this.classes[c] = DROP;
			return;
		}
		if (transliterable(c)) {
			s = toLatin.transliterate(s);
		}
		s = nfd.normalize(s);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char x = s.charAt(i);
			if (Character.getType(x) == Character.NON_SPACING_MARK) {
				continue;
			}
			if (Character.isLetterOrDigit(x)) {
				out.append(Character.toLowerCase(x));
			}
		}
		if (out.length() > 0) {
			text(c, out.toString());
		}
	}

	// Scripts whose names appear in sanctions lists and news in Latin spelling too; others keep their letters.
	private static boolean transliterable(char c) {
		return (c >= 0x00A0 && c <= 0x058F) || (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x1E00 && c <= 0x1FFF)
				|| (c >= 0x2000 && c <= 0x2BFF) || (c >= 0xFB00 && c <= 0xFB4F) || (c >= 0xFF00 && c <= 0xFFEF);
	}

	private void text(char c, String s) {
		this.classes[c] = TEXT;
		this.folded[c] = s;
	}

	byte classOf(char c) {
		return this.classes[c];
	}

	String foldedOf(char c) {
		return this.folded[c];
	}

	/**
	 * Folds a code point outside the BMP, which the table cannot hold: {@code null} for a separator (emoji,
	 * symbols), empty when dropped (TAG characters and other format characters), else its folded letters.
	 */
	@Nullable String foldedOf(int codePoint) {
		int type = Character.getType(codePoint);
		if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
			return "";
		}
		if (!Character.isLetterOrDigit(codePoint)) {
			return null;
		}
		String s = this.nfd.normalize(this.nfkcCasefold.normalize(Character.toString(codePoint)));
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints()
			.filter(x -> Character.getType(x) != Character.NON_SPACING_MARK && Character.isLetterOrDigit(x))
			.forEach(x -> out.appendCodePoint(Character.toLowerCase(x)));
		return (out.length() > 0) ? out.toString() : null;
	}

	/** The folded form of a whole string, tokens joined by single spaces: how names are compared. */
	public String fold(CharSequence text) {
		return String.join(" ", TokenizedText.of(text.toString()).tokens());
	}

}
