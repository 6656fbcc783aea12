package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sanctionswatch.language.EnglishMorphology;
import org.sanctionswatch.language.EnglishReading;
import org.sanctionswatch.language.EnglishTagger;
import org.sanctionswatch.reference.Lexicon;
import org.sanctionswatch.text.TextStructure.Sentence;

/**
 * One English sentence as the tagger reads it: words as a treebank splits them ("Turkey's" is "Turkey" and
 * "'s", "S-400" one word, punctuation marks words of their own), each with its universal part of speech in
 * context, and the verb groups ("has been delivered", "did not buy", "to sign") built on those tags. Made
 * only for sentences where a transaction word and a name meet, and tagged only around the clauses that need it.
 */
final class EnglishSentence {

	final String text;

	final int[] starts;

	final int[] ends;

	final String[] words;

	final String[] tags;

	/** For each token of the field, the word that holds it (-1 outside this sentence). */
	private final int[] wordOfToken;

	private final int firstToken;

	final List<VerbGroup> groups;

	/** For each word, the verb group it belongs to, or -1. */
	final int[] groupOf;

	private final Lexicon lexicon;

	/** The words the tagger read: the others are tagged {@code X}. */
	final int taggedFrom;

	final int taggedTo;

	private EnglishSentence(String text, int[] starts, int[] ends, String[] words, String[] tags, int firstToken,
			int[] wordOfToken, Lexicon lexicon, int taggedFrom, int taggedTo) {
		this.lexicon = lexicon;
		this.taggedFrom = taggedFrom;
		this.taggedTo = taggedTo;
		this.text = text;
		this.starts = starts;
		this.ends = ends;
		this.words = words;
		this.tags = tags;
		this.firstToken = firstToken;
		this.wordOfToken = wordOfToken;
		this.groupOf = new int[words.length];
		Arrays.fill(this.groupOf, -1);
		this.groups = verbGroups();
	}

	/** Words a clause's window reaches beyond it on either side: its verbs' subjects, governors and speakers. */
	private static final int MARGIN = 8;

	/**
	 * The words of a sentence, tagged around the clause of tokens {@code [from, to)}: the tagger's cost grows
	 * with the words it reads, and a long sentence's other clauses are not needed. A later clause of the same
	 * sentence widens the tagged window.
	 */
	static EnglishSentence of(ResolvedField f, int sentence, Lexicon lexicon, int from, int to) {
		Object memo = f.sentenceMemo[sentence];
		EnglishSentence known = (memo instanceof EnglishSentence e) ? e : null;
		Sentence s = f.sentences.get(sentence);
		List<int[]> spans;
		if (known != null) {
			spans = null;
		}
		else {
			spans = split(f.text, s.start(), s.end());
		}
		int n = (known != null) ? known.words.length : spans.size();
		int[] starts;
		int[] ends;
		String[] words;
		if (known != null) {
			starts = known.starts;
			ends = known.ends;
			words = known.words;
		}
		else {
			starts = new int[n];
			ends = new int[n];
			words = new String[n];
			for (int i = 0; i < n; i++) {
				starts[i] = spans.get(i)[0];
				ends[i] = spans.get(i)[1];
				words[i] = normalised(f.text.substring(starts[i], ends[i]));
			}
		}
		int wantedFrom = Math.max(0, wordAt(starts, ends, f.tokens.start(from)) - MARGIN);
		int wantedTo = Math.min(n, wordAt(starts, ends, f.tokens.start(to - 1)) + 1 + MARGIN);
		if (known != null && known.taggedFrom <= wantedFrom && known.taggedTo >= wantedTo) {
			return known;
		}
		int taggedFrom = (known != null) ? Math.min(known.taggedFrom, wantedFrom) : wantedFrom;
		int taggedTo = (known != null) ? Math.max(known.taggedTo, wantedTo) : wantedTo;
		String[] tags = new String[n];
		java.util.Arrays.fill(tags, "X");
		if (taggedTo > taggedFrom) {
			String[] window = java.util.Arrays.copyOfRange(words, taggedFrom, taggedTo);
			String[] windowTags = EnglishTagger.get().tag(window);
			System.arraycopy(windowTags, 0, tags, taggedFrom, windowTags.length);
		}
		for (int i = taggedFrom; i < taggedTo; i++) {
			tags[i] = checked(words[i], tags[i], lexicon.auxiliaryLemmas());
		}
		// "had bought": a form of have, be or do right before a verb is its auxiliary, whatever the tagger says
		for (int i = taggedFrom; i + 1 < taggedTo; i++) {
			if (tags[i].equals("VERB") && auxiliaryLemma(words[i], lexicon.auxiliaryLemmas())) {
				int j = i + 1;
				while (j < n && (tags[j].equals("ADV") || tags[j].equals("PART")) && j < i + 3) {
					j++;
				}
				if (j < n && tags[j].equals("VERB")) {
					tags[i] = "AUX";
				}
			}
		}
		// "rejects claims", "denies reports": a present-tense verb right after another one is its object, when
		// the form can be a plural noun (headlines leave the tagger little context)
		for (int i = Math.max(taggedFrom, 1); i < taggedTo; i++) {
			if (tags[i].equals("VERB") && tags[i - 1].equals("VERB") && presentThirdPerson(words[i - 1])
					&& presentThirdPerson(words[i]) && pluralNoun(words[i])) {
				tags[i] = "NOUN";
			}
		}
		int first = f.tokens.firstTokenAtOrAfter(s.start());
		int last = first;
		while (last < f.tokens.size() && f.tokens.start(last) < s.end()) {
			last++;
		}
		int[] wordOfToken = new int[last - first];
		int w = 0;
		for (int t = first; t < last; t++) {
			while (w + 1 < n && ends[w] <= f.tokens.start(t)) {
				w++;
			}
			wordOfToken[t - first] = w;
		}
		EnglishSentence sentenceWords = new EnglishSentence(f.text, starts, ends, words, tags, first, wordOfToken,
				lexicon, taggedFrom, taggedTo);
		f.sentenceMemo[sentence] = sentenceWords;
		return sentenceWords;
	}

	// The tagger guesses; the dictionary knows which parts of speech a form can have at all ("variant" is never
	// a verb, "remain" and "be" never nouns): a tag no reading allows gives way to one the readings allow
	private static String checked(String word, String tag, java.util.Set<String> auxiliaryLemmas) {
		// only the open classes are corrected: the tag sets of the closed ones differ ("not" is RB and PART)
		if (!tag.equals("NOUN") && !tag.equals("VERB") && !tag.equals("AUX") && !tag.equals("ADJ")) {
			return tag;
		}
		List<EnglishReading> readings = EnglishMorphology.get().readings(word);
		if (readings.isEmpty()) {
			return tag;
		}
		String allowed = null;
		for (EnglishReading r : readings) {
			String upos = universal(r, auxiliaryLemmas);
			if (upos == null || upos.equals(tag) || (upos.equals("VERB") && tag.equals("AUX"))
					|| (upos.equals("AUX") && tag.equals("VERB")) || (upos.equals("ADP") && tag.equals("SCONJ"))
					|| (upos.equals("ADP") && tag.equals("PART"))) {
				return tag;
			}
			if (allowed == null && upos != null && List.of("NOUN", "VERB", "AUX", "ADJ", "ADV").contains(upos)) {
				allowed = upos;
			}
		}
		return (allowed != null) ? allowed : tag;
	}

	private static boolean presentThirdPerson(String word) {
		return EnglishMorphology.get().readings(word).stream().anyMatch(r -> r.tag().equals("VBZ"));
	}

	private static boolean pluralNoun(String word) {
		return EnglishMorphology.get().readings(word).stream().anyMatch(r -> r.tag().equals("NNS"));
	}

	private static boolean auxiliaryLemma(String word, java.util.Set<String> lemmas) {
		for (EnglishReading r : EnglishMorphology.get().readings(word)) {
			if (r.verb() && lemmas.contains(r.lemma())) {
				return true;
			}
		}
		return false;
	}

	// the universal part of speech of a Penn Treebank tag; null where it can be several ("IN", "DT")
	private static @org.jspecify.annotations.Nullable String universal(EnglishReading r,
			java.util.Set<String> auxiliaryLemmas) {
		String t = r.tag();
		if (t.startsWith("NNP")) {
			return "PROPN";
		}
		if (t.startsWith("NN")) {
			return "NOUN";
		}
		if (t.equals("MD") || (t.startsWith("VB") && auxiliaryLemmas.contains(r.lemma()))) {
			return "AUX";
		}
		if (t.startsWith("VB")) {
			return "VERB";
		}
		if (t.startsWith("JJ")) {
			return "ADJ";
		}
		if (t.startsWith("RB")) {
			return "ADV";
		}
		return switch (t) {
			case "CD" -> "NUM";
			case "CC" -> "CCONJ";
			case "PRP", "PRP$", "WP", "WP$" -> "PRON";
			case "TO" -> "PART";
			default -> null;
		};
	}

	private static int wordAt(int[] starts, int[] ends, int offset) {
		for (int w = 0; w < starts.length; w++) {
			if (ends[w] > offset) {
				return w;
			}
		}
		return Math.max(0, starts.length - 1);
	}

	int word(int token) {
		int i = token - this.firstToken;
		return (i >= 0 && i < this.wordOfToken.length) ? this.wordOfToken[i] : -1;
	}

	/** The first token of word {@code w}, or -1 when the word has none (punctuation). */
	int firstTokenOf(int w) {
		for (int i = 0; i < this.wordOfToken.length; i++) {
			if (this.wordOfToken[i] == w) {
				return this.firstToken + i;
			}
		}
		return -1;
	}

	String tag(int w) {
		return (w >= 0 && w < this.tags.length) ? this.tags[w] : "X";
	}

	String lower(int w) {
		return this.words[w].toLowerCase(java.util.Locale.ROOT);
	}

	boolean is(int w, String tag) {
		return tag(w).equals(tag);
	}

	boolean nominal(int w) {
		String t = tag(w);
		return t.equals("NOUN") || t.equals("PROPN") || t.equals("NUM") || t.equals("PRON");
	}

	/** The lemmas and Penn tags of a verb word, as the dictionary knows its form. */
	List<EnglishReading> verbReadings(int w) {
		List<EnglishReading> out = new ArrayList<>(2);
		for (EnglishReading r : EnglishMorphology.get().readings(this.words[w])) {
			if (r.verb()) {
				out.add(r);
			}
		}
		return out;
	}

	String verbLemma(int w) {
		List<EnglishReading> r = verbReadings(w);
		return r.isEmpty() ? lower(w) : r.get(0).lemma();
	}

	/**
	 * A verb group: auxiliaries, negation and adverbs around one main verb, with what they make of it.
	 *
	 * @param first index of its first word
	 * @param head index of the main verb (the last auxiliary when there is none: "Turkey is a buyer")
	 */
	record VerbGroup(int first, int head, boolean negated, String modal, boolean perfect, boolean pastPerfect,
			boolean passive, boolean infinitive, boolean past, boolean participleOnly) {
	}


	private List<VerbGroup> verbGroups() {
		List<VerbGroup> out = new ArrayList<>();
		int n = this.words.length;
		int w = 0;
		while (w < n) {
			String tag = tag(w);
			boolean to = lower(w).equals("to") && tag.equals("PART");
			if (!tag.equals("AUX") && !tag.equals("VERB") && !to) {
				w++;
				continue;
			}
			int first = w;
			boolean infinitive = to;
			boolean negated = false;
			boolean perfect = false;
			boolean pastPerfect = false;
			boolean be = false;
			boolean beFirstPast = false;
			String modal = "";
			int head = -1;
			int i = w;
			if (to) {
				i++;
			}
			for (; i < n; i++) {
				String t = tag(i);
				String word = lower(i);
				if (t.equals("AUX")) {
					if (head >= 0) {
						break;
					}
					String lemma = verbLemma(i);
					if (modal(i)) {
						modal = word;
					}
					else if (this.lexicon.perfectAuxiliaries().contains(lemma)) {
						perfect = true;
						pastPerfect |= pastTense(i);
					}
					else if (this.lexicon.passiveAuxiliaries().contains(lemma)) {
						be = true;
						beFirstPast |= i == first + (infinitive ? 1 : 0) && pastTense(i);
					}
					this.groupOf[i] = out.size();
					continue;
				}
				if ((t.equals("PART") || t.equals("ADV")) && (word.equals("not") || word.equals("n't") || word.equals("n’t"))) {
					negated = true;
					this.groupOf[i] = out.size();
					continue;
				}
				if (t.equals("ADV") && head < 0 && i + 1 < n && (tag(i + 1).equals("VERB") || tag(i + 1).equals("AUX")
						|| tag(i + 1).equals("ADV") || tag(i + 1).equals("PART"))) {
					negated |= word.equals("never");
					this.groupOf[i] = out.size();
					continue;
				}
				if (t.equals("VERB") && head < 0) {
					head = i;
					this.groupOf[i] = out.size();
					continue;
				}
				break;
			}
			if (head < 0) {
				// an auxiliary used as the verb itself, or "to" before something else
				for (int k = i - 1; k >= first; k--) {
					if (tag(k).equals("AUX")) {
						head = k;
						break;
					}
				}
			}
			if (head < 0) {
				for (int k = first; k < i; k++) {
					this.groupOf[k] = -1;
				}
				w = Math.max(i, w + 1);
				continue;
			}
			List<EnglishReading> readings = verbReadings(head);
			boolean vbn = readings.stream().anyMatch(EnglishReading::pastParticiple);
			boolean vbd = readings.stream().anyMatch(EnglishReading::pastTense);
			boolean passive = be && vbn;
			boolean hasAux = head > first + (infinitive ? 1 : 0) || perfect || be || !modal.isEmpty();
			boolean past = (!hasAux && vbd) || pastPerfect || (be && beFirstPast);
			for (int k = first; k <= head; k++) {
				this.groupOf[k] = out.size();
			}
			out.add(new VerbGroup(first, head, negated, modal, perfect, pastPerfect, passive, infinitive, past,
					!hasAux && vbn && !vbd));
			w = head + 1;
		}
		return out;
	}

	// a modal auxiliary, as the dictionary tags it (MD): "could", "will", "might"
	private boolean modal(int w) {
		return EnglishMorphology.get().readings(this.words[w]).stream().anyMatch(r -> r.tag().equals("MD"));
	}

	private boolean pastTense(int w) {
		return EnglishMorphology.get().readings(this.words[w]).stream().anyMatch(EnglishReading::pastTense);
	}

	boolean hasAuxiliary(VerbGroup g) {
		for (int k = g.first(); k < g.head(); k++) {
			if (tag(k).equals("AUX")) {
				return true;
			}
		}
		return false;
	}

	// Words as a treebank tokenizer makes them, over the sentence's own characters
	private static List<int[]> split(String text, int from, int to) {
		List<int[]> out = new ArrayList<>();
		int i = from;
		while (i < to) {
			while (i < to && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int j = i;
			while (j < to && !Character.isWhitespace(text.charAt(j))) {
				j++;
			}
			if (j > i) {
				chunk(text, i, j, out);
			}
			i = j;
		}
		return out;
	}

	private static final String OPENING = "\"'“‘«([{¿¡";

	private static final String CLOSING = "\"'”’»)]}.,;:!?";

	private static void chunk(String text, int from, int to, List<int[]> out) {
		int s = from;
		int e = to;
		while (s < e && OPENING.indexOf(text.charAt(s)) >= 0) {
			out.add(new int[] { s, s + 1 });
			s++;
		}
		List<int[]> tail = new ArrayList<>();
		while (e > s && CLOSING.indexOf(text.charAt(e - 1)) >= 0) {
			char c = text.charAt(e - 1);
			// "U.S." and "Jan." keep their full stop: a word with a full stop inside, or one capital letter
			if (c == '.' && e - 1 > s && (text.substring(s, e - 1).indexOf('.') >= 0
					|| (e - 1 - s == 1 && Character.isUpperCase(text.charAt(s))))) {
				break;
			}
			tail.add(0, new int[] { e - 1, e });
			e--;
		}
		// dashes between words written without spaces ("deal—the") are words of their own
		int k = s;
		for (int d = s; d < e; d++) {
			char c = text.charAt(d);
			if (c == '\u2014' || c == '\u2013') {
				core(text, k, d, out);
				out.add(new int[] { d, d + 1 });
				k = d + 1;
			}
		}
		core(text, k, e, out);
		out.addAll(tail);
	}

	private static void core(String text, int s, int e, List<int[]> out) {
		if (e <= s) {
			return;
		}
		String w = text.substring(s, e);
		String lower = w.toLowerCase(java.util.Locale.ROOT);
		if (lower.length() > 2 && (lower.endsWith("'s") || lower.endsWith("’s"))) {
			out.add(new int[] { s, e - 2 });
			out.add(new int[] { e - 2, e });
			return;
		}
		if (lower.length() > 3 && (lower.endsWith("n't") || lower.endsWith("n’t"))) {
			out.add(new int[] { s, e - 3 });
			out.add(new int[] { e - 3, e });
			return;
		}
		out.add(new int[] { s, e });
	}

	// what the tagger was trained on: ASCII quotes and hyphens
	private static String normalised(String word) {
		return word.replace('\u2011', '-').replace('\u2010', '-').replace('’', '\'').replace('‘', '\'')
			.replace('“', '"').replace('”', '"');
	}

}
