package org.sanctionswatch.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFolderTests {

	@Test
	void foldsCase() {
		assertThat(fold("ROSTEC Rostec rostec")).isEqualTo("rostec rostec rostec");
	}

	@Test
	void removesDiacritics() {
		assertThat(fold("Türkiye")).isEqualTo("turkiye");
		assertThat(fold("Savunma Sanayii Başkanlığı")).isEqualTo("savunma sanayii baskanligi");
	}

	@Test
	void appliesCompatibilityNormalisation() {
		// fullwidth letters, digits and hyphen, as pasted from East Asian sources
		assertThat(fold("Ｓ－４００")).isEqualTo("s 400");
		assertThat(fold("ﬁnance")).isEqualTo("finance");
	}

	@Test
	void treatsEveryHyphenAndDashAsASeparator() {
		for (String dash : new String[] { "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\uFE63" }) {
			assertThat(fold("S" + dash + "400")).as("S U+%04X 400", (int) dash.charAt(0)).isEqualTo("s 400");
		}
	}

	@Test
	void dropsZeroWidthAndBidiCharactersInsideAName() {
		// invisible characters must not let a listed name slip past the matcher
		assertThat(fold("Rosob\u200Boronexport")).isEqualTo("rosoboronexport");
		assertThat(fold("Rosob\u202Eoronexport")).isEqualTo("rosoboronexport");
		assertThat(fold("Ros\u00ADtec")).isEqualTo("rostec");
		assertThat(fold("Ros\u2060t\uFEFFec")).isEqualTo("rostec");
	}

	@Test
	void transliteratesCyrillicAndGreek() {
		assertThat(fold("С-400")).isEqualTo("s 400");
		assertThat(fold("Рособоронэкспорт")).isEqualTo("rosoboroneksport");
		assertThat(fold("ΑΘΗΝΑ")).isEqualTo("athena");
	}

	@Test
	void foldsLookAlikeLettersOfOtherScriptsInsideALatinName() {
		// a Cyrillic o, a Greek omicron, a Cyrillic a and e, each standing in for its Latin twin
		assertThat(fold("Ros\u043Eboronexport")).isEqualTo("rosoboronexport");
		assertThat(fold("Rosob\u03BFronexport")).isEqualTo("rosoboronexport");
		assertThat(fold("Alm\u0430z-Ant\u0435y")).isEqualTo("almaz antey");
	}

	@Test
	void treatsControlCharactersAndNulAsSeparators() {
		assertThat(fold("Ros\u0000tec")).isEqualTo("ros tec");
		assertThat(fold("\u0000Rostec\u0007\u001B\u007F\u0085S-400\u0000")).isEqualTo("rostec s 400");
	}

	@Test
	void dropsLoneSurrogatesLikeInvisibleCharacters() {
		// no character at all: glued to a name it must not hide it, inside one it must not split it
		assertThat(fold("\uD800")).isEmpty();
		assertThat(fold("Rostec\uD800")).isEqualTo("rostec");
		assertThat(fold("\uDC00Rostec")).isEqualTo("rostec");
		assertThat(fold("Rosob\uDBFForonexport")).isEqualTo("rosoboronexport");
		assertThat(fold("\uDC00\uDC00".repeat(100) + "\uD800")).isEmpty();
		// while a well-formed pair still folds as the letter it encodes
		assertThat(fold("\uD835\uDC12\uD800")).isEqualTo("s");
	}

	@Test
	void splitsLettersFromDigits() {
		assertThat(fold("Su-35S")).isEqualTo("su 35 s");
		assertThat(fold("S400")).isEqualTo("s 400");
		assertThat(fold("9K330")).isEqualTo("9 k 330");
	}

	@Test
	void foldsNothingToNothing() {
		assertThat(fold("  -- \u200B ,;")).isEmpty();
	}

	@Test
	void foldsCodePointsOutsideTheBasicPlane() {
		// an emoji glued to a name is punctuation, as a BMP symbol such as U+2708 already is
		assertThat(fold("Rostec\u2708")).isEqualTo("rostec");
		assertThat(fold("Rostec\uD83D\uDE80")).isEqualTo("rostec");
		// a TAG character (U+E0041) is a format character like U+200B and must be dropped
		assertThat(fold("Rosob\uDB40\uDC41oronexport")).isEqualTo("rosoboronexport");
		// MATHEMATICAL BOLD CAPITAL S folds to s under NFKC, like the fullwidth form
		assertThat(fold("\uD835\uDC12-400")).isEqualTo("s 400");
	}

	private static String fold(String text) {
		return TextFolder.get().fold(text);
	}

}
