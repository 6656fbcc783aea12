package org.sanctionswatch.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTests {

	private static final String RUSSIAN = "Россия завершила поставку Китаю истребителей Су-35 по контракту, "
			+ "заключенному три года назад, сообщили в Федеральной службе по военно-техническому сотрудничеству.";

	private static final String ENGLISH = "Vietnam's air force took delivery of its first Yak-130 trainers from "
			+ "Irkut on Tuesday, the defence ministry in Hanoi said.";

	private static final String GERMAN = "Die Bundesnetzagentur hat das Zertifizierungsverfahren für die Pipeline "
			+ "vorläufig ausgesetzt, teilte die Behörde am Dienstag mit.";

	private final LanguageIdentifier identifier = LanguageIdentifier.get();

	@Test
	void aValidDeclaredLanguageWrittenInItsScriptIsTrusted() {
		assertThat(this.identifier.identify("ru", null, RUSSIAN, "en")).isEqualTo("ru");
		assertThat(this.identifier.identify("en-GB", null, ENGLISH, "en")).isEqualTo("en");
		// Serbian is written in Cyrillic too: a Serbian tag on Cyrillic text is believed
		assertThat(this.identifier.identify("sr", null, RUSSIAN, "en")).isEqualTo("sr");
	}

	@Test
	void anAbsentMalformedOrWrongLanguageIsDetected() {
		assertThat(this.identifier.identify(null, null, RUSSIAN, "en")).isEqualTo("ru");
		assertThat(this.identifier.identify("en", null, RUSSIAN, "en")).isEqualTo("ru");
		assertThat(this.identifier.identify("ru", null, ENGLISH, "en")).isEqualTo("en");
		assertThat(this.identifier.identify("zz", null, GERMAN, "en")).isEqualTo("de");
		assertThat(this.identifier.identify("not a tag!", null, ENGLISH, "en")).isEqualTo("en");
	}

	@Test
	void aTextTooShortToTellTakesTheDeclaredOrTheFallbackLanguage() {
		assertThat(this.identifier.identify(null, null, "S-400", "en")).isEqualTo("en");
		assertThat(this.identifier.identify("tr", null, "S-400", "en")).isEqualTo("tr");
	}

	@Test
	void primarySubtagsAreNormalised() {
		assertThat(LanguageIdentifier.primary("RU_ru")).isEqualTo("ru");
		assertThat(LanguageIdentifier.primary("rus")).isEqualTo("ru");
		assertThat(LanguageIdentifier.primary("")).isNull();
		assertThat(LanguageIdentifier.primary("xx")).isNull();
	}

}
