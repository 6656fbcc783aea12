package org.sanctionswatch.text;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.text.TextStructure.Sentence;

import static org.assertj.core.api.Assertions.assertThat;

class TextStructureTests {

	@Test
	void anAbbreviationDoesNotEndASentence() {
		String text = "The U.S. warned Ankara on Monday. Officials declined to comment.";
		assertThat(texts(text)).containsExactly("The U.S. warned Ankara on Monday.", "Officials declined to comment.");
	}

	@Test
	void aBlankLineStartsANewParagraph() {
		String text = "First one. Second one.\nStill the first paragraph.\n\nThird paragraph? No, second.\n \n\n\nLast.";
		List<Sentence> sentences = TextStructure.sentences(text);
		assertThat(sentences).extracting(Sentence::paragraph).containsExactly(0, 0, 0, 1, 1, 2);
		assertThat(sentences).extracting(Sentence::index).containsExactly(0, 1, 2, 3, 4, 5);
	}

	@Test
	void spansLeaveOutSurroundingWhitespace() {
		String text = "  Leading space.  \n\n  Trailing space.  ";
		List<Sentence> sentences = TextStructure.sentences(text);
		assertThat(sentences).extracting(s -> text.substring(s.start(), s.end()))
			.containsExactly("Leading space.", "Trailing space.");
		assertThat(sentences.get(0).start()).isEqualTo(2);
		assertThat(sentences.get(1).paragraph()).isEqualTo(1);
	}

	@Test
	void aTextWithoutWordsHasNoSentences() {
		assertThat(TextStructure.sentences("")).isEmpty();
		assertThat(TextStructure.sentences(" \n\n ")).isEmpty();
	}

	private static List<String> texts(String text) {
		return TextStructure.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
	}

}
