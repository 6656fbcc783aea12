package org.sanctionswatch.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's tagger scores OpenNLP's model from memoised per-word sums and decodes greedily; it must give
 * the tags OpenNLP's own tagger gives, on every English sentence of the development corpus.
 */
class EnglishTaggerTests {

	@Test
	void tagsEverySentenceOfTheCorpusAsOpenNlpsOwnTaggerDoes() throws IOException {
		POSTaggerME reference;
		try (InputStream in = EnglishTagger.class.getResourceAsStream("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")) {
			reference = new POSTaggerME(new POSModel(in));
		}
		List<String[]> sentences = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String file : List.of("corpus/en-231.jsonl", "corpus/en-other.jsonl")) {
			for (String line : Files.readAllLines(Path.of(new ClassPathResource(file).getURI()))) {
				JsonNode n = json.readTree(line);
				for (String s : n.get("body").asString().split("(?<=[.!?])\\s+")) {
					String[] words = s.trim().split("\\s+|(?=[,;:.!?\"])");
					if (words.length >= 3) {
						sentences.add(words);
					}
				}
			}
		}
		assertThat(sentences).hasSizeGreaterThan(400);
		int tokens = 0;
		for (String[] words : sentences) {
			assertThat(EnglishTagger.get().tag(words)).as(String.join(" ", words)).containsExactly(reference.tag(words));
			tokens += words.length;
		}
		assertThat(tokens).isGreaterThan(10_000);
	}

	@Test
	void tagsAnAuxiliaryAndItsParticiple() {
		String[] tags = EnglishTagger.get().tag("Turkey had ordered the systems from Russia .".split(" "));
		assertThat(tags).containsExactly("PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT");
	}

}
