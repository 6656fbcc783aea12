package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.reference.CueClass;
import org.sanctionswatch.text.TextStructure;
import org.sanctionswatch.text.TextStructure.Sentence;
import org.sanctionswatch.text.TokenizedText;

/**
 * One field of an article (title or body) after the gazetteer pass: sentences, clauses, and the mentions
 * that survive disambiguation, at most one per token.
 */
final class ResolvedField {

	final String field;

	final String text;

	final TokenizedText tokens;

	final List<Sentence> sentences;

	final List<Mention> mentions;

	/** For each token, the index of the mention covering it, or -1. */
	final int[] mentionAt;

	/** For each token, the sentence it belongs to. */
	final int[] sentenceOf;

	/** For each token, the clause it belongs to (clause numbers grow through the text). */
	final int[] clauseOf;

	/** The grammar of the article's language, which reads its clauses. */
	final ClauseReader reader;

	/** What the reader keeps of each sentence it has read (its words and their parts of speech). */
	final Object[] sentenceMemo;

	private ResolvedField(String field, String text, TokenizedText tokens, List<Sentence> sentences,
			List<Mention> mentions, int[] sentenceOf, int[] clauseOf, ClauseReader reader) {
		this.reader = reader;
		this.sentenceMemo = new Object[sentences.size()];
		this.field = field;
		this.text = text;
		this.tokens = tokens;
		this.sentences = sentences;
		this.mentions = mentions;
		this.sentenceOf = sentenceOf;
		this.clauseOf = clauseOf;
		this.mentionAt = new int[tokens.size()];
		Arrays.fill(this.mentionAt, -1);
		for (int m = 0; m < mentions.size(); m++) {
			for (int t = mentions.get(m).firstToken(); t < mentions.get(m).endToken(); t++) {
				this.mentionAt[t] = m;
			}
		}
	}

	static ResolvedField resolve(String field, String text, Gazetteer gazetteer, ClauseReader reader) {
		TokenizedText tokens = gazetteer.tokenize(text);
		List<Sentence> sentences = TextStructure.sentences(text);
		int[] sentenceOf = new int[tokens.size()];
		int s = 0;
		for (int t = 0; t < tokens.size(); t++) {
			while (s + 1 < sentences.size() && tokens.start(t) >= sentences.get(s + 1).start()) {
				s++;
			}
			sentenceOf[t] = s;
		}
		int[] clauseOf = clauses(tokens, sentenceOf, reader);
		List<Mention> raw = gazetteer.find(tokens);
		boolean[] defense = new boolean[Math.max(1, sentences.size())];
		boolean[] energy = new boolean[Math.max(1, sentences.size())];
		boolean[] northKorea = new boolean[Math.max(1, sentences.size())];
		for (Mention m : raw) {
			int sentence = sentenceOf[m.firstToken()];
			for (Mention.Hit hit : m.hits()) {
				if (hit.entry().kind() == Kind.CUE && !reader.reads(hit.entry())) {
					continue;
				}
				// a name that needs context cannot be its own: neither a contextual alias nor a spaced "S 400"
				if (hit.form() == NameForm.CONTEXTUAL
						|| (hit.entry().kind() == Kind.SYSTEM && spacedDesignation(m, tokens))) {
					continue;
				}
				defense[sentence] |= signalsDefense(hit.entry());
				energy[sentence] |= signalsEnergy(hit.entry());
				northKorea[sentence] |= hit.entry().kind().isParty() && "KP".equals(hit.entry().country());
			}
		}
		List<Mention> kept = new ArrayList<>();
		for (Mention m : raw) {
			List<Mention.Hit> hits = new ArrayList<>();
			int sentence = sentenceOf[m.firstToken()];
			for (Mention.Hit hit : m.hits()) {
				if (hit.entry().kind() == Kind.CUE && !reader.reads(hit.entry())) {
					continue; // another language's word that folds alike ("импорт", "но")
				}
				if (accept(hit, m, tokens, text, defense[sentence], energy[sentence], northKorea[sentence])) {
					hits.add(hit);
				}
			}
			hits = cueBeforePlaces(hits);
			if (hits.equals(m.hits())) {
				kept.add(m);
			}
			else if (!hits.isEmpty()) {
				kept.add(new Mention(m.firstToken(), m.endToken(), m.start(), m.end(), hits));
			}
		}
		return new ResolvedField(field, text, tokens, sentences, longestFirst(kept), sentenceOf, clauseOf, reader);
	}

	// A word that is both a transaction or context word and only a place or a name that needs context ("газа":
	// gas, and the Gaza of a place list) is the word: the place never acts in a deal
	private static List<Mention.Hit> cueBeforePlaces(List<Mention.Hit> hits) {
		if (hits.size() < 2 || hits.get(0).entry().kind() == Kind.CUE) {
			return hits;
		}
		Mention.Hit cue = null;
		for (Mention.Hit h : hits) {
			if (h.entry().kind() == Kind.CUE) {
				cue = h;
			}
			else if (h.form() != NameForm.PLACE && h.form() != NameForm.CONTEXTUAL) {
				return hits;
			}
		}
		if (cue == null) {
			return hits;
		}
		List<Mention.Hit> out = new ArrayList<>(hits.size());
		out.add(cue);
		for (Mention.Hit h : hits) {
			if (h != cue) {
				out.add(h);
			}
		}
		return out;
	}

	private static boolean signalsDefense(Entry e) {
		return switch (e.kind()) {
			case SYSTEM -> true;
			case GOODS -> "arms".equals(e.category());
			case CUE -> CueClass.DEFENSE_CONTEXT.label().equals(e.category());
			case ORGANISATION -> "defense".equals(e.category()) || "intelligence".equals(e.category());
			default -> false;
		};
	}

	private static boolean signalsEnergy(Entry e) {
		return switch (e.kind()) {
			case PIPELINE -> true;
			case GOODS -> "energy-commodity".equals(e.category()) || "nk-import-cap".equals(e.category());
			case CUE -> CueClass.ENERGY_CONTEXT.label().equals(e.category());
			case ORGANISATION, VESSEL -> "energy".equals(e.category());
			default -> false;
		};
	}

	private static boolean accept(Mention.Hit hit, Mention m, TokenizedText tokens, String text, boolean defense,
			boolean energy, boolean northKorea) {
		if (m.start() > 0 && isApostrophe(text.charAt(m.start() - 1)) && tokens.token(m.firstToken()).length() <= 2) {
			return false; // "Turkey's 400 troops" must not read as "S 400"
		}
		Entry e = hit.entry();
		boolean contextual = hit.form() == NameForm.CONTEXTUAL
				|| (e.kind() == Kind.SYSTEM && spacedDesignation(m, tokens));
		if (hit.form() == NameForm.PROPER_NOUN) {
			return Character.isUpperCase(text.charAt(m.start()));
		}
		if (!contextual) {
			return true;
		}
		return switch (e.kind()) {
			case COUNTRY, GOVERNMENT_BODY -> Character.isUpperCase(text.charAt(m.start()))
					&& (m.length() > 1 || isAllUpper(text, m) || defense || energy);
			case PIPELINE -> energy;
			// "lead", "iron": North Korea's barred exports by a word that is ordinary elsewhere ("lead times")
			case GOODS -> defense || energy || northKorea;
			// a colliding name of a party counts in its own sector's context: the pipe-laying vessel "Marlin" among
			// words of energy, not of rifles
			case ORGANISATION, VESSEL, PERSON -> isAllUpperOrTitle(text, m) && switch (e.category()) {
				case "energy" -> energy;
				case "defense", "intelligence" -> defense;
				default -> defense || energy;
			};
			default -> defense;
		};
	}

	// "S 400" with a plain space is how car models are written; "S-400" and "S400" are designations
	private static boolean spacedDesignation(Mention m, TokenizedText tokens) {
		for (int t = m.firstToken() + 1; t < m.endToken(); t++) {
			boolean digitsNow = Character.isDigit(tokens.token(t).charAt(0));
			boolean lettersBefore = Character.isLetter(tokens.token(t - 1).charAt(0));
			if (digitsNow && lettersBefore && tokens.gapBefore(t).equals(" ")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '\u2019';
	}

	private static boolean isAllUpper(String text, Mention m) {
		for (int i = m.start(); i < m.end(); i++) {
			if (Character.isLowerCase(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAllUpperOrTitle(String text, Mention m) {
		return Character.isUpperCase(text.charAt(m.start())) || Character.isDigit(text.charAt(m.start()));
	}

	// Longest mention wins; on a tie a name beats a transaction word.
	private static List<Mention> longestFirst(List<Mention> mentions) {
		List<Mention> sorted = new ArrayList<>(mentions);
		sorted.sort((a, b) -> {
			if (a.length() != b.length()) {
				return b.length() - a.length();
			}
			if (a.firstToken() != b.firstToken()) {
				return a.firstToken() - b.firstToken();
			}
			return Boolean.compare(isCue(a), isCue(b));
		});
		List<Mention> kept = new ArrayList<>();
		int tokens = sorted.stream().mapToInt(Mention::endToken).max().orElse(0);
		boolean[] taken = new boolean[tokens];
		for (Mention m : sorted) {
			boolean free = true;
			for (int t = m.firstToken(); t < m.endToken() && free; t++) {
				free = !taken[t];
			}
			if (free) {
				kept.add(m);
				java.util.Arrays.fill(taken, m.firstToken(), m.endToken(), true);
			}
		}
		kept.sort((a, b) -> a.firstToken() - b.firstToken());
		return kept;
	}

	private static boolean isCue(Mention m) {
		return m.hits().get(0).entry().kind() == Kind.CUE;
	}

	// A clause ends at ';' or ':' and before "where", "which", "while" ... that follow a comma or a dash.
	private static int[] clauses(TokenizedText tokens, int[] sentenceOf, ClauseReader reader) {
		int[] clauseOf = new int[tokens.size()];
		int clause = 0;
		boolean inRelative = false;
		String text = tokens.original();
		for (int t = 0; t < tokens.size(); t++) {
			if (t > 0) {
				boolean newSentence = sentenceOf[t] != sentenceOf[t - 1];
				boolean hardStop = false;
				boolean softStop = false;
				// read the gap in place: a substring per token was a tenth of the screening time
				for (int i = tokens.end(t - 1); i < tokens.start(t); i++) {
					switch (text.charAt(i)) {
						case ';', ':' -> hardStop = true;
						case ',', '\u2014', '\u2013', '(' -> softStop = true;
						default -> {
						}
					}
				}
				// the lexicon is asked only at a comma or a dash, the one place its answer counts
				boolean opener = softStop && reader.opensClause(tokens, t);
				// ", which Turkey bought in 2019," is an aside: it ends at its closing comma
				if (newSentence || hardStop || (softStop && (opener || inRelative))) {
					clause++;
					inRelative = opener;
				}
			}
			clauseOf[t] = clause;
		}
		return clauseOf;
	}

	Span sentenceSpan(int sentence) {
		Sentence s = this.sentences.get(sentence);
		return new Span(this.field, s.start(), s.end(), this.text.substring(s.start(), s.end()));
	}

	Span span(Mention m) {
		return new Span(this.field, m.start(), m.end(), this.text.substring(m.start(), m.end()));
	}

	int paragraphOf(int sentence) {
		return this.sentences.get(sentence).paragraph();
	}

}
