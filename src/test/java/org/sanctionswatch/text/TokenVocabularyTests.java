package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tokenizing against a vocabulary must change nothing but add ids. */
class TokenVocabularyTests {

	@Test
	void givesIdsInTheOrderTheTokensCameIn() {
		TokenVocabulary v = new TokenVocabulary(List.of("rosoboronexport", "s", "400", "internationale"));
		assertThat(v.size()).isEqualTo(4);
		assertThat(v.id("s")).isEqualTo(1);
		assertThat(v.id("rosoboronexport")).isZero();
		assertThat(v.id("internationale")).isEqualTo(3);
		assertThat(v.id("international")).isEqualTo(-1);
		assertThat(v.id("internationalen")).isEqualTo(-1);
		assertThat(v.token(1)).isEqualTo("s");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenVocabulary(List.of("a", "b", "a")));
	}

	@Test
	void knownTokensGetTheirIdAndTheVocabularysString() {
		List<String> words = List.of("turkey", "s", "400", "rosoboronexport", "internationale", "moskva");
		TokenVocabulary v = new TokenVocabulary(words);
		String text = "Turkey's S-400 from ROSOBORONEXPORT (Internationales, internationale) in Москва; 400s, Ş.";
		TokenizedText with = TokenizedText.of(text, v);
		TokenizedText without = TokenizedText.of(text);
		assertSame(with, without);
		assertThat(with.vocabulary()).isSameAs(v);
		for (int i = 0; i < with.size(); i++) {
			assertThat(with.id(i)).as(with.token(i)).isEqualTo(v.id(with.token(i)));
			if (with.id(i) >= 0) {
				assertThat(with.token(i)).isSameAs(v.token(with.id(i)));
			}
		}
		assertThat(with.tokens()).contains("moskva", "internationales");
		assertThat(with.id(with.tokens().indexOf("moskva"))).isEqualTo(5);
		assertThat(with.id(with.tokens().indexOf("internationales"))).isEqualTo(-1);
		assertThat(without.id(0)).isEqualTo(-1);
		assertThat(without.vocabulary()).isNull();
	}

	@Test
	void randomTextOverALargeVocabularyTokenizesAsWithoutOne() {
		Random random = new Random(42);
		Set<String> words = new LinkedHashSet<>();
		while (words.size() < 30_000) {
			words.add(word(random));
		}
		List<String> list = new ArrayList<>(words);
		TokenVocabulary v = new TokenVocabulary(list);
		String[] separators = { " ", " ", ", ", ". ", "-", "\n\n", "'", " \u00e9", "\u200b", "\ud83d\ude80", "\u0301" };
		for (int n = 0; n < 300; n++) {
			StringBuilder text = new StringBuilder();
			for (int k = 0; k < 200; k++) {
				String w = random.nextBoolean() ? list.get(random.nextInt(list.size())) : word(random);
				text.append(random.nextInt(5) == 0 ? w.toUpperCase() : w);
				text.append(separators[random.nextInt(separators.length)]);
			}
			TokenizedText with = TokenizedText.of(text.toString(), v);
			assertSame(with, TokenizedText.of(text.toString()));
			for (int i = 0; i < with.size(); i++) {
				assertThat(with.id(i)).isEqualTo(v.id(with.token(i)));
			}
		}
	}

	// letters and digits in runs, long and short, some sharing their first eight characters
	private static String word(Random random) {
		int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 16 : 6);
		StringBuilder w = new StringBuilder(random.nextInt(8) == 0 ? "internat" : "");
		boolean digits = random.nextInt(6) == 0;
		for (int i = 0; i < length; i++) {
			w.append(digits ? (char) ('0' + random.nextInt(10)) : (char) ('a' + random.nextInt(random.nextInt(3) == 0 ? 3 : 26)));
		}
		return w.toString();
	}

	private static void assertSame(TokenizedText a, TokenizedText b) {
		assertThat(a.tokens()).isEqualTo(b.tokens());
		for (int i = 0; i < a.size(); i++) {
			assertThat(a.start(i)).isEqualTo(b.start(i));
			assertThat(a.end(i)).isEqualTo(b.end(i));
		}
	}

}
