package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizedTextTests {

	@Test
	void keepsTheOriginalSpanOfEveryToken() {
		TokenizedText t = TokenizedText.of("Turkey bought S-400s.");
		assertThat(t.tokens()).containsExactly("turkey", "bought", "s", "400", "s");
		assertThat(spans(t)).containsExactly("0-6", "7-13", "14-15", "16-19", "19-20");
		assertThat(originals(t)).containsExactly("Turkey", "bought", "S", "400", "s");
	}

	@Test
	void spansIncludeDroppedCharactersInsideATokenButNotAround() {
		String text = "\u200BRosob\u200Boronexport\u202E said";
		TokenizedText t = TokenizedText.of(text);
		assertThat(t.tokens()).containsExactly("rosoboronexport", "said");
		// the token starts at its first visible letter and ends after its last one
		assertThat(spans(t)).containsExactly("1-17", "19-23");
		assertThat(text.substring(t.start(0), t.end(0))).isEqualTo("Rosob\u200Boronexport");
	}

	@Test
	void offsetsCountUtf16UnitsAfterSurrogatePairs() {
		// two emoji, four UTF-16 units, before the name
		String text = "\uD83D\uDE80\uD83D\uDE80 Rostec signed";
		TokenizedText t = TokenizedText.of(text);
		int rostec = t.tokens().indexOf("rostec");
		assertThat(rostec).isNotNegative();
		assertThat(t.start(rostec)).isEqualTo(5);
		assertThat(t.end(rostec)).isEqualTo(11);
		assertThat(t.start(rostec + 1)).isEqualTo(12);
		assertThat(text.substring(t.start(rostec + 1), t.end(rostec + 1))).isEqualTo("signed");
	}

	@Test
	void offsetsPointAtTheOriginalCharactersOfFoldedText() {
		String text = "Ｓ－４００ and Рособоронэкспорт";
		TokenizedText t = TokenizedText.of(text);
		assertThat(t.tokens()).containsExactly("s", "400", "and", "rosoboroneksport");
		assertThat(originals(t)).containsExactly("Ｓ", "４００", "and", "Рособоронэкспорт");
	}

	@Test
	void aCharacterThatFoldsToSeveralLettersKeepsItsSingleSourceSpan() {
		TokenizedText t = TokenizedText.of("Straße");
		assertThat(t.tokens()).containsExactly("strasse");
		assertThat(spans(t)).containsExactly("0-6");
	}

	@Test
	void letterDigitSplitsKeepAdjacentOffsets() {
		TokenizedText t = TokenizedText.of("Su-35S");
		assertThat(t.tokens()).containsExactly("su", "35", "s");
		assertThat(spans(t)).containsExactly("0-2", "3-5", "5-6");
		assertThat(t.gapBefore(1)).isEqualTo("-");
		assertThat(t.gapBefore(2)).isEmpty();
	}

	@Test
	void findsTheFirstTokenAtOrAfterAnOffset() {
		TokenizedText t = TokenizedText.of("one two three");
		assertThat(t.firstTokenAtOrAfter(0)).isZero();
		assertThat(t.firstTokenAtOrAfter(3)).isEqualTo(1);
		assertThat(t.firstTokenAtOrAfter(4)).isEqualTo(1);
		assertThat(t.firstTokenAtOrAfter(13)).isEqualTo(3);
	}

	@Test
	void growsBeyondItsInitialCapacity() {
		// capacity starts at length / 5; one-letter words need more
		String text = "a ".repeat(1000);
		TokenizedText t = TokenizedText.of(text);
		assertThat(t.size()).isEqualTo(1000);
		assertThat(t.start(999)).isEqualTo(1998);
	}

	private static List<String> spans(TokenizedText t) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			out.add(t.start(i) + "-" + t.end(i));
		}
		return out;
	}

	private static List<String> originals(TokenizedText t) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			out.add(t.original().substring(t.start(i), t.end(i)));
		}
		return out;
	}

}
