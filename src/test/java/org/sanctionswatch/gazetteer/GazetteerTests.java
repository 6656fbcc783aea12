package org.sanctionswatch.gazetteer;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.text.TokenizedText;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTests {

	private static final Entry S400 = entry("system:s-400", Entry.Kind.SYSTEM, "S-400 Triumf");

	private static final Entry ROE = entry("ref:rosoboronexport", Entry.Kind.ORGANISATION, "Rosoboronexport");

	private static final Entry TURKEY = entry("country:TR", Entry.Kind.COUNTRY, "Turkey");

	@Test
	void findsEveryNameInOnePassWithOriginalOffsets() {
		Gazetteer g = Gazetteer.builder()
			.name(S400, "S-400", NameForm.NAME)
			.name(ROE, "Rosoboronexport", NameForm.NAME)
			.name(TURKEY, "Turkey", NameForm.NAME)
			.build();
		String text = "Turkey bought the С‐400 from \u200BRosob\u200Boronexport, and Turkey paid.";
		List<Mention> mentions = g.find(TokenizedText.of(text));
		assertThat(mentions).extracting(m -> ids(m) + "@" + text.substring(m.start(), m.end()))
			.containsExactly("[country:TR]@Turkey", "[system:s-400]@С‐400", "[ref:rosoboronexport]@Rosob\u200Boronexport",
					"[country:TR]@Turkey");
		assertThat(mentions.get(1).firstToken()).isEqualTo(3);
		assertThat(mentions.get(1).endToken()).isEqualTo(5);
	}

	@Test
	void matchesWholeTokensOnly() {
		Gazetteer g = Gazetteer.builder().name(S400, "S-400", NameForm.NAME).build();
		// the tokenizer makes "S-4000" into s 4000 and "XS-400" into xs 400: neither holds the tokens s 400
		assertThat(TokenizedText.of("S-4000").tokens()).containsExactly("s", "4000");
		assertThat(TokenizedText.of("XS-400").tokens()).containsExactly("xs", "400");
		assertThat(find(g, "The S-4000 and the XS-400 and S-4001 and AS400X")).isEmpty();
		assertThat(find(g, "the S400, the S 400 and (S-400)")).hasSize(3);
	}

	@Test
	void reportsOverlappingNamesLongestFirst() {
		Gazetteer g = Gazetteer.builder()
			.name(S400, "S-400", NameForm.NAME)
			.name(S400, "S-400 Triumf", NameForm.NAME)
			.name(entry("cue:triumf", Entry.Kind.CUE, "triumf"), "Triumf", NameForm.NAME)
			.build();
		List<Mention> mentions = find(g, "An S-400 Triumf battery");
		assertThat(mentions).extracting(m -> m.firstToken() + "-" + m.endToken()).containsExactly("1-4", "1-3", "3-4");
		assertThat(mentions.get(0).overlaps(mentions.get(1))).isTrue();
		assertThat(mentions.get(1).overlaps(mentions.get(2))).isFalse();
	}

	@Test
	void followsFailureLinksIntoAnotherName() {
		// after "alpha beta" the automaton must fall back to the state for "beta" to see "beta delta"
		Entry a = entry("x:a", Entry.Kind.ORGANISATION, "a");
		Entry b = entry("x:b", Entry.Kind.ORGANISATION, "b");
		Entry c = entry("x:c", Entry.Kind.ORGANISATION, "c");
		Gazetteer g = Gazetteer.builder()
			.name(a, "Alpha Beta Gamma", NameForm.NAME)
			.name(b, "Beta Delta", NameForm.NAME)
			.name(c, "Delta", NameForm.NAME)
			.build();
		assertThat(find(g, "alpha beta delta")).extracting(GazetteerTests::ids).containsExactly("[x:b]", "[x:c]");
		assertThat(find(g, "alpha alpha beta gamma")).extracting(GazetteerTests::ids).containsExactly("[x:a]");
	}

	@Test
	void groupsTheEntriesOfOneSpanIntoOneMention() {
		Entry listed = entry("ofac-sdn:1", Entry.Kind.ORGANISATION, "ROSOBORONEKSPORT OAO");
		Gazetteer g = Gazetteer.builder()
			.name(ROE, "Rosoboroneksport", NameForm.NAME)
			.name(listed, "ROSOBORONEKSPORT", NameForm.PROPER_NOUN)
			.build();
		List<Mention> mentions = find(g, "Rosoboroneksport said");
		assertThat(mentions).hasSize(1);
		assertThat(mentions.get(0).hits()).extracting(h -> h.entry().id() + "/" + h.form())
			.containsExactly("ref:rosoboronexport/NAME", "ofac-sdn:1/PROPER_NOUN");
		assertThat(g.entries()).isEqualTo(2);
	}

	@Test
	void ignoresDuplicateAndEmptyNames() {
		Gazetteer g = Gazetteer.builder()
			.name(S400, "S-400", NameForm.NAME)
			.name(S400, "S400", NameForm.NAME)
			.name(S400, "s 400", NameForm.NAME)
			.name(S400, " -- ", NameForm.NAME)
			.build();
		assertThat(g.names()).isEqualTo(1);
		assertThat(find(g, "S-400").get(0).hits()).hasSize(1);
		// the same words in another form are a different name
		Gazetteer g2 = Gazetteer.builder()
			.name(S400, "S-400", NameForm.NAME)
			.name(S400, "S-400", NameForm.CONTEXTUAL)
			.build();
		assertThat(g2.names()).isEqualTo(2);
	}

	@Test
	void scalesToTwentyThousandNames() {
		Gazetteer.Builder builder = Gazetteer.builder();
		for (int i = 0; i < 20_000; i++) {
			builder.name(entry("x:" + i, Entry.Kind.ORGANISATION, synthetic(i)), synthetic(i), NameForm.NAME);
		}
		Gazetteer g = builder.version("synthetic").build();
		assertThat(g.names()).isEqualTo(20_000);
		assertThat(g.entries()).isEqualTo(20_000);
		String text = "Shares of " + synthetic(7) + " rose while " + synthetic(12_345) + " and " + synthetic(19_999)
				+ " fell.";
		List<Mention> mentions = find(g, text);
		assertThat(mentions).extracting(GazetteerTests::ids).containsExactly("[x:7]", "[x:12345]", "[x:19999]");
		assertThat(text.substring(mentions.get(1).start(), mentions.get(1).end())).isEqualTo(synthetic(12_345));
		assertThat(find(g, "Turkey bought S-400 air defence systems from Russia in 2017.")).isEmpty();
		// the first word of a name alone is not the name
		assertThat(find(g, synthetic(7).split(" ")[0] + " holdings")).isEmpty();
	}

	@Test
	void findsTheSameInTextTokenizedWithItsVocabularyAsInPlainTokens() {
		Gazetteer.Builder builder = Gazetteer.builder()
			.name(S400, "S-400", NameForm.NAME)
			.name(S400, "S-400 Triumf", NameForm.NAME)
			.name(ROE, "Rosoboronexport", NameForm.NAME)
			.name(TURKEY, "Turkey", NameForm.NAME)
			.name(TURKEY, "Türkiye", NameForm.NAME);
		for (int i = 0; i < 2_000; i++) {
			builder.name(entry("x:" + i, Entry.Kind.ORGANISATION, synthetic(i)), synthetic(i), NameForm.NAME);
		}
		Gazetteer g = builder.build();
		String text = "TÜRKIYE and Turkey's S-400 Triumf, from Rosoboronexport; " + synthetic(17) + " and "
				+ synthetic(1_999).toUpperCase() + " met " + synthetic(5).split(" ")[0] + " S 400 С-400.";
		TokenizedText tokens = g.tokenize(text);
		assertThat(tokens.tokens()).isEqualTo(TokenizedText.of(text).tokens());
		List<Mention> withIds = g.find(tokens);
		List<Mention> plain = find(g, text);
		assertThat(withIds).isEqualTo(plain);
		assertThat(withIds).extracting(GazetteerTests::ids)
			.containsExactly("[country:TR]", "[country:TR]", "[system:s-400]", "[system:s-400]", "[ref:rosoboronexport]",
					"[x:17]", "[x:1999]", "[system:s-400]", "[system:s-400]");
	}

	// two letter-only words per name, so the tokenizer keeps each word whole
	private static String synthetic(int i) {
		return "Q" + letters(i) + " Z" + letters(i * 7 + 3);
	}

	private static String letters(int n) {
		StringBuilder s = new StringBuilder();
		int v = n;
		do {
			s.append((char) ('a' + v % 26));
			v /= 26;
		}
		while (v > 0);
		return s.toString();
	}

	private static List<Mention> find(Gazetteer g, String text) {
		return g.find(TokenizedText.of(text));
	}

	private static String ids(Mention m) {
		return m.hits().stream().map(h -> h.entry().id()).toList().toString();
	}

	private static Entry entry(String id, Entry.Kind kind, String name) {
		return new Entry(id, kind, name, null, "", List.of(), Map.of());
	}

}
