package org.sanctionswatch.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CyrillicWordsTests {

	@Test
	void inflectedFormsFoldLikeTheirDictionaryForm() {
		assertThat(tokens("Турции")).isEqualTo(tokens("Турция"));
		assertThat(tokens("Турецкого потока")).isEqualTo(tokens("Турецкий поток"));
		assertThat(tokens("«Рособоронэкспортом»")).isEqualTo(tokens("Рособоронэкспорт"));
		assertThat(tokens("поставила")).isEqualTo(tokens("поставить"));
	}

	@Test
	void cyrillicWordsAreRomanisedAsNewsWritesThem() {
		assertThat(tokens("Як-130")).containsExactly("yak", "130");
		assertThat(tokens("Рособоронэкспорт")).containsExactly("rosoboroneksport");
		// designation letters and capital abbreviations fold letter by letter
		assertThat(tokens("С-400")).containsExactly("s", "400");
		assertThat(tokens("Су-30МКИ")).containsExactly("su", "30", "mki");
		assertThat(tokens("КНДР")).containsExactly("kndr");
	}

	@Test
	void theSoftSignKeepsWordsApartAndInsideTheirSpan() {
		assertThat(tokens("уголь")).isNotEqualTo(tokens("угол"));
		TokenizedText t = TokenizedText.of("Сила Сибири");
		assertThat(t.size()).isEqualTo(2);
		assertThat(t.original().substring(t.start(1), t.end(1))).isEqualTo("Сибири");
		TokenizedText soft = TokenizedText.of("Панцирь сбит");
		assertThat(soft.original().substring(soft.start(0), soft.end(0))).isEqualTo("Панцирь");
	}

	@Test
	void aWordMixingScriptsFoldsLetterByLetter() {
		// a Cyrillic "о" hidden in a Latin name must not hide the name
		assertThat(tokens("Rоsoboronexport")).containsExactly("rosoboronexport");
	}

	@Test
	void ofTheLemmasOfAnAmbiguousFormTheOneANameIsWrittenInIsPreferred() {
		// "Индии" is India or indium to the dictionary; a name written "Индия" decides
		TokenVocabulary vocabulary = new TokenVocabulary(List.of("indiy", "indiya"), TokenizedText.dictionaryForms("Индия"));
		assertThat(TokenizedText.of("Индии", vocabulary).tokens()).containsExactly("indiya");
		assertThat(TokenizedText.dictionaryForms("министерство обороны Индии")).contains(tokens("министерство").get(0))
			.doesNotContain("indiy", "indiya");
	}

	private static List<String> tokens(String text) {
		return TokenizedText.of(text).tokens();
	}

}
