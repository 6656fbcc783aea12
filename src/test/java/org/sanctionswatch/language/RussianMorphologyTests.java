package org.sanctionswatch.language;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.language.RussianReading.Feature;
import org.sanctionswatch.language.RussianReading.PartOfSpeech;

import static org.assertj.core.api.Assertions.assertThat;

class RussianMorphologyTests {

	private final RussianMorphology morphology = RussianMorphology.get();

	@Test
	void readsLemmaPartOfSpeechAndCase() {
		RussianWord turkey = this.morphology.word("турции");
		assertThat(turkey.lemmas()).containsExactly("турция");
		assertThat(turkey.anyCase(Feature.DATIVE)).isTrue();
		assertThat(turkey.anyCase(Feature.GENITIVE)).isTrue();
		assertThat(turkey.anyCase(Feature.NOMINATIVE)).isFalse();
		RussianWord supplied = this.morphology.word("поставила");
		assertThat(supplied.lemmas()).containsExactly("поставить");
		assertThat(supplied.any(PartOfSpeech.VERB, Feature.PAST)).isTrue();
		assertThat(supplied.any(PartOfSpeech.VERB, Feature.PERFECTIVE)).isTrue();
	}

	@Test
	void shortParticiplesArePassive() {
		RussianWord signed = this.morphology.word("подписан");
		assertThat(signed.readings()).anySatisfy(r -> {
			assertThat(r.pos()).isEqualTo(PartOfSpeech.SHORT_PARTICIPLE);
			assertThat(r.is(Feature.PASSIVE)).isTrue();
		});
	}

	@Test
	void anAmbiguousFormKeepsEveryLemma() {
		// "стали" is steel (a noun) and became (a verb)
		assertThat(this.morphology.word("стали").lemmas()).contains("сталь", "стать");
	}

	@Test
	void anUnknownNameHasNoReadingsAndAStemItsFormsShare() {
		RussianWord instrumental = this.morphology.word("рособоронэкспортом");
		assertThat(instrumental.known()).isFalse();
		assertThat(instrumental.stem()).isEqualTo(this.morphology.word("рособоронэкспорт").stem());
		// abbreviations and designation letters are not stemmed
		assertThat(this.morphology.word("мки").stem()).isEqualTo("мки");
	}

}
