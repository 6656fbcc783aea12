package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-coded sentence rules must give exactly ICU's boundaries: on every short string over one character
 * of each sentence-break class, on random text built from news-like pieces, and, with the abbreviation filter,
 * through {@link TextStructure}.
 */
class SentenceBoundariesTests {

	// one or two characters of each class: Lower, Upper, Numeric, ATerm, STerm, Sp, Close, SContinue, CR, LF,
	// Sep, OLetter, Other
	private static final String CLASSES = "aB1.?! )\",\r\n\u2029\u4e2d-";

	// pieces of news text, and the odd characters news carries
	private static final String[] PIECES = { "the", "The", "U.S.", "Mr.", "Dr.", "Inc.", "e.g.", "etc.", "No.", "Ph.D.",
			"St.", "Jan.", "S-400", "3.5", "2019", "$1.2bn", "Ankara", "ANKARA", "said", ".", "..", "...", "?", "!", "?!",
			",", ";", ":", " ", " ", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n", "\r", "\u2029", "\u0085", "(", ")",
			"\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "[", "]", "-", "\u2014", "\u2013",
			"\u2026", "\u2024", "\uff0e", "\u3002", "\u0964", "\u037e", "\u00bf", "\u00a1", "\u041c\u043e\u0441\u043a\u0432\u0430",
			"\u4e2d\u6587", "\u05e9\u05dc\u05d5\u05dd", "a", "I", "x", "5", "*", "/", "&", "%", "\u00ad", "\u0301",
			"\u200b", "\ud83d\ude00", "\ud835\udc00", "\ufeff" };

	@Test
	void everyShortStringOfEveryClassBreaksAsIcuDoes() {
		BreakIterator icu = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
		int[] index = new int[5];
		for (int length = 1; length <= 5; length++) {
			java.util.Arrays.fill(index, 0);
			char[] chars = new char[length];
			while (true) {
				for (int k = 0; k < length; k++) {
					chars[k] = CLASSES.charAt(index[k]);
				}
				String text = new String(chars);
				assertThat(SentenceBoundaries.plain(text)).as(escaped(text)).containsExactly(icu(icu, text));
				int k = 0;
				while (k < length && ++index[k] == CLASSES.length()) {
					index[k++] = 0;
				}
				if (k == length) {
					break;
				}
			}
		}
	}

	@Test
	void randomNewsLikeTextBreaksAsIcuDoes() {
		BreakIterator icu = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
		Random random = new Random(20261125L);
		int plain = 0;
		for (int n = 0; n < 20_000; n++) {
			String text = randomText(random);
			int[] own = SentenceBoundaries.plain(text);
			if (own != null) {
				plain++;
				assertThat(own).as(escaped(text)).containsExactly(icu(icu, text));
			}
			assertThat(SentenceBoundaries.of(text)).as(escaped(text)).containsExactly(icu(icu, text));
		}
		// the test is about the hand-coded rules: most texts must have gone through them
		assertThat(plain).isGreaterThan(10_000);
	}

	@Test
	void sentencesWithAbbreviationsAreIcusSentences() {
		BreakIterator icu = BreakIterator.getSentenceInstance(new ULocale("en@ss=standard"));
		Random random = new Random(7L);
		for (int n = 0; n < 5_000; n++) {
			String text = randomText(random);
			icu.setText(text);
			List<int[]> expected = new ArrayList<>();
			for (int start = icu.first(), end = icu.next(); end != BreakIterator.DONE; start = end, end = icu.next()) {
				expected.add(new int[] { start, end });
			}
			// TextStructure trims each ICU segment and drops the empty ones: the segments must be the same
			List<TextStructure.Sentence> sentences = TextStructure.sentences(text);
			List<String> trimmedIcu = expected.stream()
				.map(r -> text.substring(r[0], r[1]).strip())
				.filter(s -> !s.isEmpty())
				.toList();
			assertThat(sentences).extracting(s -> text.substring(s.start(), s.end()))
				.as(escaped(text))
				.hasSameSizeAs(trimmedIcu);
			for (int i = 0; i < sentences.size(); i++) {
				TextStructure.Sentence s = sentences.get(i);
				int[] segment = expected.stream()
					.filter(r -> r[0] <= s.start() && s.end() <= r[1])
					.findFirst()
					.orElseThrow(() -> new AssertionError("no ICU sentence holds " + s + " in " + escaped(text)));
				assertThat(text.substring(segment[0], segment[1]).strip()).isEqualTo(text.substring(s.start(), s.end()));
			}
		}
	}

	@Test
	void abbreviationsStaySuppressedAndNumbersStayWhole() {
		String text = "The U.S. paid $3.5bn to Mr. Smith. He left.\r\nNext line? Yes! \u201cQuoted.\u201d Then more.";
		assertThat(TextStructure.sentences(text)).extracting(s -> text.substring(s.start(), s.end()))
			.containsExactly("The U.S. paid $3.5bn to Mr. Smith.", "He left.", "Next line?", "Yes!",
					"\u201cQuoted.\u201d", "Then more.");
	}

	private static String randomText(Random random) {
		StringBuilder out = new StringBuilder();
		int pieces = 1 + random.nextInt(30);
		for (int i = 0; i < pieces; i++) {
			String piece = PIECES[random.nextInt(PIECES.length)];
			// the odd characters rarely, so that most texts stay in the plain classes
			if (piece.length() == 1 && (piece.charAt(0) == '\u00ad' || piece.charAt(0) == '\u0301'
					|| piece.charAt(0) == '\u200b' || piece.charAt(0) == '\ufeff') && random.nextInt(10) > 0) {
				piece = " ";
			}
			if (Character.isSurrogate(piece.charAt(0)) && random.nextInt(10) > 0) {
				piece = "x";
			}
			out.append(piece);
		}
		return out.toString();
	}

	private static int[] icu(BreakIterator prototype, String text) {
		BreakIterator it = (BreakIterator) prototype.clone();
		it.setText(text);
		List<Integer> out = new ArrayList<>();
		for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
			out.add(b);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			out.append((c >= 32 && c < 127) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
		}
		return out.append('"').toString();
	}

}
