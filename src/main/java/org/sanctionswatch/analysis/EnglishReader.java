package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.analysis.ClauseReading.Trigger;
import org.sanctionswatch.analysis.EnglishSentence.VerbGroup;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.reference.CueClass;
import org.sanctionswatch.reference.Lexicon;
import org.sanctionswatch.text.TokenizedText;

/**
 * English clauses read on their parts of speech. A transaction word reports a deal unless its own verb group,
 * or a verb that governs it, says otherwise: negated ("did not buy"), denied or declined ("declined to comment
 * on contracts"), told as history ("after Ankara bought", "had ordered", "bought in 2017" in a later year),
 * speculative ("could one day turn to"), or a description inside a story about something else ("test-fired the
 * S-400 it bought"). Each of those reaches only the verb phrase it belongs to: "dismissed warnings and took
 * delivery" reports the delivery. A party's role comes from its preposition, or from being the subject or the
 * object of the verb.
 */
final class EnglishReader implements ClauseReader {

	private final Lexicon lexicon;

	EnglishReader(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	@Override
	public boolean reads(Entry cue) {
		return !"ru".equals(cue.attribute("language"));
	}

	@Override
	public boolean opensClause(TokenizedText tokens, int t) {
		return this.lexicon.clauseOpeners().contains(tokens.token(t)) || (t + 1 < tokens.size()
				&& this.lexicon.isPreposition(tokens.token(t)) && this.lexicon.clauseOpeners().contains(tokens.token(t + 1)));
	}

	@Override
	public @Nullable ClauseReading read(ResolvedField f, int from, int to, int year) {
		List<Integer> mentions = new ArrayList<>();
		List<Integer> transactionCues = new ArrayList<>();
		for (int t = from; t < to; t++) {
			int m = f.mentionAt[t];
			if (m < 0 || f.mentions.get(m).firstToken() != t) {
				continue;
			}
			Entry e = f.mentions.get(m).hits().get(0).entry();
			if (e.kind() != Kind.CUE) {
				mentions.add(m);
			}
			else if (CueClass.of(e.category()) == CueClass.TRANSACTION) {
				transactionCues.add(m);
			}
		}
		if (transactionCues.isEmpty()) {
			return null; // most clauses end here, before any tagging
		}
		int sentence = f.sentenceOf[from];
		EnglishSentence s = EnglishSentence.of(f, sentence, this.lexicon, from, to);
		Clause clause = new Clause(f, s, from, to, year);
		List<Trigger> triggers = new ArrayList<>(transactionCues.size());
		for (int m : transactionCues) {
			Trigger t = clause.judge(f.mentions.get(m));
			if (t != null) {
				triggers.add(t);
			}
		}
		ClauseReading reading = new ClauseReading(triggers, mentions);
		if (!reading.reporting().isEmpty() || !reading.echoes().isEmpty()) {
			Map<Integer, Role> byEnd = new HashMap<>();
			for (int m : mentions) {
				Mention mention = f.mentions.get(m);
				if (!mention.hits().get(0).entry().kind().isParty()) {
					continue;
				}
				Role role = clause.roleOf(mention, reading, byEnd);
				if (role != null) {
					byEnd.put(mention.endToken(), role);
				}
				reading.role(m, role);
			}
		}
		return reading;
	}

	/** Whether a party mention can be a party at all, wherever it stands. */
	@Override
	public boolean actsAsParty(ResolvedField f, Mention mention) {
		Mention.Hit first = mention.hits().get(0);
		if (first.form() == NameForm.PLACE || capitalInAName(f, mention)) {
			return false;
		}
		return first.form() != NameForm.DEMONYM || demonymIsActor(f, mention);
	}

	@Override
	public boolean inPlacePhrase(ResolvedField f, Mention mention) {
		int t = mention.firstToken() - 1;
		while (t >= 0 && this.lexicon.determiners().contains(f.tokens.token(t)) && f.mentionAt[t] < 0) {
			t--;
		}
		return t >= 0 && f.sentenceOf[t] == f.sentenceOf[mention.firstToken()]
				&& this.lexicon.locationPrepositions().contains(f.tokens.token(t));
	}

	/** One clause, its words' tags and verb groups. */
	private final class Clause {

		private final ResolvedField f;

		private final EnglishSentence s;

		private final int from;

		private final int to;

		private final int year;

		/** Word range of the clause. */
		private final int firstWord;

		private final int endWord;

		Clause(ResolvedField f, EnglishSentence s, int from, int to, int year) {
			this.f = f;
			this.s = s;
			this.from = from;
			this.to = to;
			this.year = year;
			this.firstWord = Math.max(0, s.word(from));
			int last = s.word(to - 1);
			int end = (last < 0) ? s.words.length : last + 1;
			// the clause's closing punctuation is its own
			while (end < s.words.length && s.is(end, "PUNCT") && s.firstTokenOf(end) < 0
					&& ",;:".indexOf(s.words[end].charAt(0)) < 0) {
				end++;
			}
			this.endWord = end;
		}

		/** The class of the cue that covers a word, or null. */
		@Nullable CueClass cueClass(int w) {
			if (w < 0 || w >= this.s.words.length) {
				return null;
			}
			int t = this.s.firstTokenOf(w);
			if (t < 0) {
				return null;
			}
			for (; t < this.f.tokens.size() && this.f.tokens.start(t) < this.s.ends[w]; t++) {
				int m = this.f.mentionAt[t];
				if (m >= 0) {
					Entry e = this.f.mentions.get(m).hits().get(0).entry();
					if (e.kind() == Kind.CUE) {
						return CueClass.of(e.category());
					}
				}
			}
			return null;
		}

		/** The cue class of a whole cue mention covering word {@code w}: the longest one wins. */
		private boolean cueIs(int w, CueClass cls) {
			return cueClass(w) == cls;
		}

		@Nullable Trigger judge(Mention cue) {
			Entry e = cue.hits().get(0).entry();
			String kind = e.attribute("kind");
			String direction = e.attribute("direction");
			String stage = e.attribute("stage");
			int headWord = headWord(cue);
			VerbGroup own = groupAt(headWord);
			boolean verbal = own != null;
			if (!verbal && "verb".equals(e.attribute("pos"))) {
				return null; // "ships" that are vessels
			}
			if (historyInClause()) {
				return trigger(cue, kind, direction, stage, "history", null);
			}
			VerbGroup governing = verbal ? own : governingGroup(headWord);
			String verdict = "reports";
			String status = null;
			String newStage = stage;
			// the noun phrase of a nominal trigger: "no contract", "the previous deal"
			if (!verbal) {
				// over "or" and "of" too: "no details of any negotiations or contracts" reports neither
				boolean crossed = false;
				for (int w = headWord - 1; w >= Math.max(this.firstWord, headWord - 7); w--) {
					boolean joint = w > this.firstWord && this.s.is(w - 1, "NOUN")
							&& (this.s.is(w, "CCONJ") || this.s.is(w, "ADP") && lexicon().nounLinks().contains(this.s.lower(w)));
					if (joint) {
						crossed = true;
						continue;
					}
					if (!this.s.is(w, "DET") && !this.s.is(w, "ADJ") && !this.s.is(w, "NUM")
							&& !this.s.is(w, "NOUN") && !this.s.is(w, "PROPN")) {
						break;
					}
					CueClass c = cueClass(w);
					if (c == CueClass.NEGATION) {
						return trigger(cue, kind, direction, stage, "negated", null);
					}
					if (c == CueClass.BACKGROUND && !crossed) {
						return trigger(cue, kind, direction, stage, "background", null);
					}
					if (w < headWord - 3 && !crossed) {
						break;
					}
				}
			}
			if (!verbal && headWord + 1 < this.endWord && this.s.is(headWord + 1, "NOUN")
					&& cueClass(headWord + 1) == null && mentionAtWord(headWord + 1) < 0) {
				// "export versions", "delivery schedule": the deal word only qualifies another noun
				return trigger(cue, kind, direction, stage, "descriptive", null);
			}
			if (!verbal && refusalAfter(headWord)) {
				return trigger(cue, kind, direction, stage, "denied", null);
			}
			if (verbal && own.first() == headWord && headWord + 1 < this.endWord && this.s.is(headWord + 1, "NOUN")
					&& headWord > this.firstWord && (this.s.is(headWord - 1, "DET") || this.s.is(headWord - 1, "ADJ")
							|| headWord - 2 >= this.firstWord && this.s.is(headWord - 1, "CCONJ")
									&& this.s.is(headWord - 2, "NOUN"))
					&& this.s.verbReadings(headWord).stream().allMatch(r -> r.gerund())) {
				// "a signing ceremony", "lunch and signing ceremony": a gerund that qualifies a noun
				return trigger(cue, kind, direction, stage, "descriptive", null);
			}
			if (verbal && "contract".equals(kind) && (figureObject(Math.max(headWord, this.s.word(cue.endToken() - 1)))
					|| figureBefore(own, headWord))) {
				// "signed a defence treaty", "the treaty, signed by": a pact between states, not a deal between parties
				return trigger(cue, kind, direction, stage, "figure", null);
			}
			if (verbal && offeredBefore(own)) {
				return trigger(cue, kind, direction, stage, "offered", null);
			}
			// what comes before the trigger in its own segment: "after Ankara bought", "over its purchase"
			String before = markerBefore(headWord, own);
			if (before != null) {
				return trigger(cue, kind, direction, stage, before, null);
			}
			// the verb chain from the trigger up to the main verb: each link may negate, deny, doubt or date it
			VerbGroup g = governing;
			boolean first = true;
			for (int depth = 0; g != null && depth < 5; depth++) {
				CueClass head = cueClass(g.head());
				if (g.negated()) {
					// "will not complete the deliveries before 2026": a deal put off, which is news of it
					return delayed(g) ? trigger(cue, kind, direction, stage, "reports", "status-change:delayed")
							: trigger(cue, kind, direction, stage, "negated", null);
				}
				if (!(first && verbal) && head == CueClass.REFUSAL) {
					return trigger(cue, kind, direction, stage, "denied", null);
				}
				if (!(first && verbal) && head == CueClass.COMMENTARY) {
					return trigger(cue, kind, direction, stage, "commentary", null);
				}
				if (!(first && verbal) && "offer".equals(transactionKind(g.head()))) {
					return trigger(cue, kind, direction, stage, "offered", null);
				}
				if (head == CueClass.STATUS_CHANGE && !(first && verbal)) {
					status = statusOf(g.head());
				}
				if (!g.modal().isEmpty()) {
					CueClass modal = cueClass(modalWord(g));
					if (modal == CueClass.SPECULATION) {
						return trigger(cue, kind, direction, stage, "speculative", null);
					}
					newStage = "negotiation";
				}
				if (head == CueClass.SPECULATION) {
					return trigger(cue, kind, direction, stage, "speculative", null);
				}
				if (head == CueClass.NEGOTIATION && !(first && verbal)) {
					newStage = "negotiation";
				}
				if (g.pastPerfect() && !reportedSpeech(g)) {
					return trigger(cue, kind, direction, stage, "background", null);
				}
				if (!(first && verbal) && head == CueClass.OPERATIONAL) {
					return trigger(cue, kind, direction, stage, "operational", null);
				}
				if (!(first && verbal) && head == CueClass.CONSEQUENCE) {
					return trigger(cue, kind, direction, stage, "background", null);
				}
				first = false;
				g = governor(g);
			}
			if (verbal && dated(own, headWord)) {
				return trigger(cue, kind, direction, stage, "background", null);
			}
			if (!verbal && governing != null && governing.past() && dated(governing, headWord)) {
				return trigger(cue, kind, direction, stage, "background", null);
			}
			if (verbal && describes(own, headWord, this.s.word(cue.endToken() - 1))) {
				return trigger(cue, kind, direction, stage, "descriptive", null);
			}
			if (!verbal && consequenceAfter(headWord)) {
				return trigger(cue, kind, direction, stage, "background", null);
			}
			return trigger(cue, kind, direction, newStage, verdict, status);
		}

		private boolean historyInClause() {
			for (int w = this.firstWord; w < this.endWord; w++) {
				if (cueClass(w) == CueClass.HISTORY) {
					return true;
				}
			}
			return false;
		}

		private int mentionAtWord(int w) {
			int t = this.s.firstTokenOf(w);
			return (t >= 0) ? this.f.mentionAt[t] : -1;
		}

		private @Nullable String transactionKind(int w) {
			int m = mentionAtWord(w);
			if (m < 0) {
				return null;
			}
			Entry e = this.f.mentions.get(m).hits().get(0).entry();
			return (e.kind() == Kind.CUE && CueClass.of(e.category()) == CueClass.TRANSACTION) ? e.attribute("kind")
					: null;
		}

		// "calling reports of arms sales a reckless rumour": a denial after the deal, in the same stretch of words
		private boolean refusalAfter(int headWord) {
			for (int w = headWord + 1; w < Math.min(this.endWord, headWord + 8); w++) {
				if (this.s.is(w, "PUNCT") || groupAt(w) != null) {
					return false;
				}
				if (cueClass(w) == CueClass.REFUSAL) {
					return true;
				}
			}
			return false;
		}

		// the noun phrase right after a verb, when it names no deal: "signed a mutual defence treaty"
		private boolean figureObject(int last) {
			for (int w = last + 1; w < Math.min(this.endWord, last + 6); w++) {
				if (cueClass(w) == CueClass.NON_TRANSACTION) {
					return true;
				}
				if (!this.s.is(w, "DET") && !this.s.is(w, "ADJ") && !this.s.is(w, "NOUN") && !this.s.is(w, "PROPN")
						&& !this.s.is(w, "NUM")) {
					return false;
				}
			}
			return false;
		}

		// a participle set off after the noun it describes: "the Partnership Treaty, signed by"
		private boolean figureBefore(VerbGroup own, int headWord) {
			return own.first() == headWord && !this.s.hasAuxiliary(own) && headWord - 2 >= this.firstWord
					&& this.s.is(headWord - 1, "PUNCT") && cueClass(headWord - 2) == CueClass.NON_TRANSACTION
					&& this.s.verbReadings(headWord).stream().anyMatch(r -> r.pastParticiple());
		}

		// "an offer to produce the jet in India": what is offered is not done
		private boolean offeredBefore(VerbGroup own) {
			if (!own.infinitive()) {
				return false;
			}
			for (int w = own.first() - 1; w >= Math.max(this.firstWord, own.first() - 5); w--) {
				if ("offer".equals(transactionKind(w))) {
					return true;
				}
				if (groupAt(w) != null) {
					return false;
				}
			}
			return false;
		}

		private Trigger trigger(Mention cue, String kind, String direction, String stage, String verdict,
				@Nullable String status) {
			return new Trigger(cue.firstToken(), cue.endToken(), kind, direction, stage, verdict, status, false);
		}

		// the word of a cue that carries its grammar: its verb when it has one ("took delivery"), else its last
		private int headWord(Mention cue) {
			int firstWord = this.s.word(cue.firstToken());
			int lastWord = this.s.word(cue.endToken() - 1);
			for (int w = firstWord; w <= lastWord; w++) {
				if (this.s.is(w, "VERB")) {
					return w;
				}
			}
			return lastWord;
		}

		private @Nullable VerbGroup groupAt(int w) {
			int g = (w >= 0) ? this.s.groupOf[w] : -1;
			if (g < 0) {
				return null;
			}
			VerbGroup group = this.s.groups.get(g);
			return (group.head() == w) ? group : null;
		}

		private boolean inClause(int w) {
			return w >= this.firstWord && w < this.endWord;
		}

		// the verb of which a noun is the object (the nearest verb before it), or the subject (the next one)
		private @Nullable VerbGroup governingGroup(int w) {
			VerbGroup before = null;
			VerbGroup after = null;
			for (VerbGroup g : this.s.groups) {
				if (!inClause(g.head())) {
					continue;
				}
				if (g.head() < w) {
					before = g;
				}
				else if (after == null && g.first() > w) {
					after = g;
				}
			}
			if (before != null && !boundaryBetween(before.head(), w)) {
				return before;
			}
			return (after != null && !boundaryBetween(w, after.first())) ? after : before;
		}

		// a coordinating conjunction with a verb after it, or a subordinator, separates two verbs' reach
		private boolean boundaryBetween(int a, int b) {
			for (int w = a + 1; w < b; w++) {
				if (this.s.is(w, "SCONJ") || (this.s.is(w, "CCONJ") && nextIsVerb(w))) {
					return true;
				}
			}
			return false;
		}

		private boolean nextIsVerb(int w) {
			for (int k = w + 1; k < Math.min(this.s.words.length, w + 4); k++) {
				if (this.s.is(k, "VERB") || this.s.is(k, "AUX")) {
					return true;
				}
				if (!this.s.is(k, "ADV") && !this.s.is(k, "PART")) {
					return false;
				}
			}
			return false;
		}

		// the verb that governs a verb group: "refused to buy", "denied that it had bought", "plans to buy";
		// a verb after "and" is coordinated with the one before and shares its governor
		private @Nullable VerbGroup governor(VerbGroup g) {
			int index = this.s.groups.indexOf(g);
			if (index <= 0) {
				return null;
			}
			VerbGroup previous = this.s.groups.get(index - 1);
			if (!inClause(previous.head()) && !subordinateOf(previous, g)) {
				return null;
			}
			boolean coordinated = false;
			boolean complement = g.infinitive();
			// "rejects claims it supplied drones": what a refusal takes needs no "that"
			boolean refused = cueClass(previous.head()) == CueClass.REFUSAL;
			for (int w = previous.head() + 1; w < g.first(); w++) {
				String tag = this.s.tag(w);
				if (tag.equals("CCONJ")) {
					refused = false;
				}
				if (tag.equals("CCONJ") && nextIsVerb(w)) {
					coordinated = true; // "dismissed warnings and took delivery"; not "Pyongyang and Moscow were"
				}
				else if (tag.equals("SCONJ")) {
					String word = this.s.lower(w);
					if (!word.equals("that") && !word.equals("whether")) {
						return null; // "after", "because", "if": a clause of its own
					}
					complement = true;
				}
				else if (tag.equals("PUNCT") && !complement) {
					return null;
				}
			}
			if (coordinated) {
				return governor(previous);
			}
			if (complement || refused || this.s.verbReadings(g.head()).stream().anyMatch(r -> r.gerund())) {
				return previous;
			}
			// "said Russia delivered": reported speech keeps the reported verb's own standing
			return null;
		}

		// "Moscow denied, in a statement, that it had sold": a complement may follow its verb across a comma
		private boolean subordinateOf(VerbGroup previous, VerbGroup g) {
			return previous.head() >= this.firstWord - 12 && this.s.is(g.first() - 1, "SCONJ");
		}

		// A marker of history or refusal in the trigger's own segment, before it: "after Ankara bought",
		// "sanctions over its purchase", "previously ordered", "declined to comment on contracts"
		private @Nullable String markerBefore(int headWord, @Nullable VerbGroup own) {
			int start = (own != null) ? own.first() : headWord;
			for (int w = start - 1; w >= this.firstWord; w--) {
				if (groupAt(w) != null || (this.s.groupOf[w] >= 0 && this.s.groups.get(this.s.groupOf[w]).head() != w
						&& this.s.groupOf[w] != this.s.groupOf[start])) {
					// another verb lies between: what comes before it is that verb's business
					return null;
				}
				if (this.s.is(w, "CCONJ") || (this.s.is(w, "PUNCT") && ",;:".indexOf(this.s.words[w].charAt(0)) >= 0)) {
					return null; // "dismissed warnings and took delivery": another verb phrase's business
				}
				CueClass c = cueClass(w);
				if (c == CueClass.BACKGROUND) {
					return "background";
				}
				if (c == CueClass.NEGATION && start - w <= 3) {
					return "negated";
				}
				if (c == CueClass.REFUSAL) {
					return "denied"; // "Tehran denies sending drones", whatever the tagger makes of a headline
				}
				if (c == CueClass.NON_TRANSACTION) {
					return "figure";
				}
				if (c == CueClass.COMMENTARY) {
					return "commentary";
				}
				if (this.s.is(w, "SCONJ") && lexicon().hypothetical().contains(this.s.lower(w))) {
					return "speculative";
				}
			}
			// inside the verb group: "previously ordered", "earlier signed"
			if (own != null) {
				for (int w = own.first(); w < own.head(); w++) {
					if (cueClass(w) == CueClass.BACKGROUND) {
						return "background";
					}
				}
			}
			return null;
		}

		// "The army said that jets had been handed over": a past perfect under a verb of saying is reported speech
		private boolean reportedSpeech(VerbGroup g) {
			for (int w = 0; w < this.s.words.length; w++) {
				if ((w < g.first() || w > g.head()) && lexicon().reportingVerbs().contains(this.s.lower(w))
						&& !this.s.is(w, "NOUN")) {
					return true;
				}
			}
			return false;
		}

		// "signed in 2018", "bought in 2017" told in a later year; a year before the publication year dates it.
		// A purchase is also dated by the year of its contract ("bought five squadrons under a 2018 contract"),
		// a delivery is not ("supplied under a 2018 agreement" happens now)
		private boolean dated(VerbGroup g, int headWord) {
			if (this.year <= 0 || !(g.past() || g.participleOnly() || g.passive())) {
				return false;
			}
			String kind = transactionKind(headWord);
			if ("purchase".equals(kind) || "contract".equals(kind) || "sale".equals(kind)) {
				for (int w = this.firstWord; w + 1 < this.endWord; w++) {
					if (earlierYear(this.s.words[w], this.year) && "contract".equals(transactionKind(w + 1))) {
						return true;
					}
				}
			}
			// a year in the verb's own stretch of words, or in that of a verb it is the complement of ("In September
			// 2017, Erdogan announced that Ankara had signed"); not in another verb's ("ordered in 2018 have been
			// delivered")
			for (VerbGroup v = g; v != null; v = governor(v)) {
				if (yearInStretch(v)) {
					return true;
				}
				if (!v.past() && !v.perfect()) {
					break;
				}
			}
			return false;
		}

		private boolean delayed(VerbGroup g) {
			for (int w = g.head() + 1; w + 1 < this.endWord; w++) {
				if (lexicon().deadlinePrepositions().contains(this.s.lower(w))) {
					for (int k = w + 1; k < Math.min(this.endWord, w + 4); k++) {
						if (this.s.is(k, "NUM") || this.s.is(k, "PROPN")) {
							return true; // "before 2026", "until March"
						}
					}
				}
			}
			return false;
		}

		// the words after a verb up to the next one are its own; those before the clause's first verb too
		private boolean yearInStretch(VerbGroup g) {
			int start = this.firstWord;
			int end = this.endWord;
			for (VerbGroup other : this.s.groups) {
				if (other == g || !inClause(other.head())) {
					continue;
				}
				if (other.head() < g.first()) {
					start = Math.max(start, g.first());
				}
				else if (other.first() > g.head()) {
					end = Math.min(end, other.first());
				}
			}
			for (int w = start; w < end; w++) {
				if (earlierYear(this.s.words[w], this.year) && temporal(w)) {
					return true;
				}
			}
			return false;
		}

		// "in 2018", "in October 2018", "since early 2019": a year that times a verb, not one that names a noun
		private boolean temporal(int year) {
			for (int w = year - 1; w >= Math.max(this.firstWord, year - 3); w--) {
				if (this.s.is(w, "PUNCT")) {
					return false;
				}
				if (lexicon().temporalPrepositions().contains(this.s.lower(w))) {
					return true;
				}
			}
			return false;
		}

		// A participle or a relative clause that describes something another verb of the clause reports on:
		// "the S-400 systems bought in 2017 remain in storage", "test-fired the S-400 it bought"
		private boolean describes(VerbGroup own, int headWord, int cueEnd) {
			// a participle after a noun, with no object of its own ("systems bought in 2017"); "North Korea exported
			// coal" has one, and is a clause, and so has "Russia handed over two tanks"
			int after = Math.max(headWord, cueEnd) + 1;
			boolean reduced = !this.s.hasAuxiliary(own) && own.first() == headWord && headWord > this.firstWord
					&& this.s.verbReadings(headWord).stream().anyMatch(r -> r.pastParticiple())
					&& (this.s.is(headWord - 1, "NOUN") || this.s.is(headWord - 1, "PROPN"))
					&& !(headWord + 1 < this.s.words.length && objectStarts(headWord + 1))
					&& !(after < this.s.words.length && objectStarts(after));
			boolean relative = headWord - 2 >= this.firstWord && this.s.is(headWord - 1, "PRON")
					&& (this.s.is(headWord - 2, "NOUN") || this.s.is(headWord - 2, "PROPN"));
			if (!reduced && !relative) {
				return false;
			}
			for (VerbGroup g : this.s.groups) {
				if (g != own && inClause(g.head()) && cueClass(g.head()) != CueClass.TRANSACTION && !g.participleOnly()
						&& (g.head() < own.first() || !reduced)) {
					return true;
				}
			}
			// "The S-400 systems bought in 2017 remain in storage": the clause's own verb comes after, and not inside
			// a relative clause of its own ("ships that had switched off their transponders")
			if (reduced) {
				for (VerbGroup g : this.s.groups) {
					if (g != own && inClause(g.head()) && g.first() > headWord
							&& cueClass(g.head()) != CueClass.TRANSACTION && !g.participleOnly()
							&& !relativeBetween(headWord, g.first())) {
						return true;
					}
				}
			}
			return false;
		}

		private boolean objectStarts(int w) {
			String tag = this.s.tag(w);
			return tag.equals("DET") || tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("NUM")
					|| tag.equals("ADJ") || tag.equals("PRON");
		}

		private boolean relativeBetween(int a, int b) {
			for (int w = a + 1; w < b; w++) {
				if (this.s.is(w, "PRON") || this.s.is(w, "SCONJ")) {
					return true;
				}
			}
			return false;
		}

		// "the S-400 deal has strained ties": a consequence right after the deal, with no comma between
		private boolean consequenceAfter(int headWord) {
			for (int w = headWord + 1; w < Math.min(this.endWord, headWord + 8); w++) {
				if (this.s.is(w, "PUNCT")) {
					return false;
				}
				if (cueClass(w) == CueClass.CONSEQUENCE) {
					return true;
				}
			}
			return false;
		}

		private int modalWord(VerbGroup g) {
			for (int w = g.first(); w < g.head(); w++) {
				if (this.s.lower(w).equals(g.modal())) {
					return w;
				}
			}
			return g.first();
		}

		private String statusOf(int w) {
			return "status-change:" + this.s.verbLemma(w);
		}

		// ---- roles ----

		@Nullable Role roleOf(Mention mention, ClauseReading reading, Map<Integer, Role> roles) {
			if (!actsAsParty(this.f, mention)) {
				return null;
			}
			ResolvedField f = this.f;
			int before = skipDeterminers(mention.firstToken() - 1);
			if (before >= 1 && f.tokens.token(before).equals("s") && roles.containsKey(before)) {
				return roles.get(before); // "Russia's Rostec", "Iran's Revolutionary Guard"
			}
			if (before >= 1 && this.lexicon().coordinators().contains(f.tokens.token(before)) && roles.containsKey(before)) {
				return roles.get(before); // "between Damascus and Moscow"
			}
			int firstWord = this.s.word(mention.firstToken());
			int lastWord = this.s.word(mention.endToken() - 1);
			// a name inside a noun phrase headed by something else: "US warnings" is not the United States
			int head = headOf(lastWord);
			Trigger trigger = reading.nearest(mention.firstToken(), mention.endToken());
			if (head != lastWord && head >= 0) {
				CueClass c = cueClass(head);
				boolean possessive = lastWord + 1 < this.s.words.length && this.s.is(lastWord + 1, "PART")
						&& this.s.lower(lastWord + 1).contains("s");
				if (c == CueClass.TRANSACTION) {
					// "Turkey's purchase", "the Russia-India deal": the owner of a deal is a party to it
					Trigger own = triggerAt(reading, head);
					String direction = (own != null) ? own.direction() : "neutral";
					return byDirection(direction, Role.BUYER, Role.SELLER);
				}
				// "Rostec State Corporation CEO Sergei Chemezov": an employer before its officer acts through them
				boolean officer = headIsName(head) || actorBetween(lastWord, head);
				if (!lexicon().actorNouns().contains(this.s.lower(head)) && !possessive && !officer
						&& mention.hits().get(0).form() != NameForm.DEMONYM) {
					return null;
				}
			}
			int np = nounPhraseStart(firstWord);
			if (np - 2 >= this.firstWord
					&& lexicon().sourcePhrases().contains(this.s.lower(np - 2) + " " + this.s.lower(np - 1))) {
				return Role.OTHER; // "according to Rostec": a source, no party to the deal
			}
			String prep = (np - 1 >= this.firstWord) ? this.s.lower(np - 1) : "";
			if (np - 1 >= this.firstWord && this.s.is(np - 1, "ADP") && prep.equals("of")) {
				// "the air force of India", "a batch of S-400s for the army of Mali": the owner acts as its noun
				int owner = np - 2;
				while (owner >= this.firstWord && !this.s.nominal(owner)) {
					owner--;
				}
				if (owner >= this.firstWord && lexicon().actorNouns().contains(this.s.lower(owner))) {
					np = nounPhraseStart(owner);
					prep = (np - 1 >= this.firstWord) ? this.s.lower(np - 1) : "";
				}
				else if (owner >= this.firstWord && cueClass(owner) == CueClass.TRANSACTION) {
					Trigger own = triggerAt(reading, owner);
					return byDirection((own != null) ? own.direction() : "neutral", Role.SELLER, Role.BUYER);
				}
				else {
					return null;
				}
			}
			if (trigger != null && trigger.kind().equals("sanction") && lexicon().sanctionPrepositions().contains(prep)) {
				return Role.PARTNER; // "imposed sanctions on Turkey's SSB"
			}
			if (lexicon().locationPrepositions().contains(prep) || behindLocation(np)) {
				return null;
			}
			if (lexicon().sellerPrepositions().contains(prep)) {
				return Role.SELLER;
			}
			if (lexicon().recipientPrepositions().contains(prep)) {
				return Role.BUYER;
			}
			if (lexicon().partnerPrepositions().contains(prep)) {
				return Role.PARTNER;
			}
			if (trigger == null) {
				return Role.OTHER;
			}
			VerbGroup verb = groupFor(trigger);
			if (lexicon().agentPrepositions().contains(prep)) {
				return byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
			}
			boolean subject = mention.endToken() <= trigger.firstToken();
			if (subject && verb != null && !subjectOf(this.s.word(mention.endToken() - 1), verb)) {
				return Role.OTHER; // "the White House said that Turkey's decision to purchase ...": a speaker
			}
			if (subject && verb != null && verb.passive()) {
				return byDirection(trigger.direction(), Role.SELLER, Role.BUYER);
			}
			return subject ? byDirection(trigger.direction(), Role.BUYER, Role.SELLER)
					: byDirection(trigger.direction(), Role.SELLER, Role.BUYER);
		}

		/**
		 * Whether a name before a verb group is its subject: every verb between them must be one the deal verb
		 * depends on ("Turkey plans to buy"), and none a verb of saying, opinion or refusal ("said that").
		 */
		private boolean subjectOf(int word, VerbGroup verb) {
			java.util.Set<VerbGroup> chain = new java.util.HashSet<>();
			for (VerbGroup g = governor(verb); g != null && chain.size() < 5; g = governor(g)) {
				chain.add(g);
			}
			for (VerbGroup g : this.s.groups) {
				if (g == verb || g.head() <= word || g.first() >= verb.first() || !inClause(g.head())) {
					continue;
				}
				if (coordinated(g, verb)) {
					continue; // "Turkey dismissed warnings and took delivery": one subject for both
				}
				CueClass c = cueClass(g.head());
				if (lexicon().reportingVerbs().contains(this.s.lower(g.head())) || c == CueClass.COMMENTARY
						|| c == CueClass.REFUSAL || !chain.contains(g)) {
					return false;
				}
			}
			return true;
		}

		private boolean coordinated(VerbGroup before, VerbGroup verb) {
			for (int w = before.head() + 1; w < verb.first(); w++) {
				if (this.s.is(w, "CCONJ") && nextIsVerb(w)) {
					return true;
				}
			}
			return false;
		}

		private boolean headIsName(int w) {
			int m = mentionAtWord(w);
			return m >= 0 && this.f.mentions.get(m).hits().get(0).entry().kind().isParty();
		}

		private boolean actorBetween(int a, int b) {
			for (int w = a + 1; w <= b; w++) {
				if (lexicon().actorNouns().contains(this.s.lower(w))) {
					return true;
				}
			}
			return false;
		}

		private @Nullable Trigger triggerAt(ClauseReading reading, int word) {
			for (Trigger t : reading.triggers()) {
				if (this.s.word(t.firstToken()) <= word && this.s.word(t.endToken() - 1) >= word) {
					return t;
				}
			}
			return null;
		}

		private @Nullable VerbGroup groupFor(Trigger t) {
			int w = this.s.word(t.firstToken());
			int last = this.s.word(t.endToken() - 1);
			for (int k = w; k <= last; k++) {
				VerbGroup g = groupAt(k);
				if (g != null) {
					return g;
				}
			}
			return governingGroup(last);
		}

		// the head of the noun phrase a word is in: the last noun of the run of nouns and names it starts
		private int headOf(int w) {
			int h = w;
			for (int k = w + 1; k < this.endWord; k++) {
				String tag = this.s.tag(k);
				if (tag.equals("NOUN") || tag.equals("PROPN")) {
					h = k;
					continue;
				}
				if (tag.equals("PART") && this.s.lower(k).contains("s") && k == w + 1) {
					// a possessive: "Egypt's defence ministry" is headed by "ministry", and Egypt owns it
					continue;
				}
				if (tag.equals("ADJ") && k == w + 2 && this.s.is(w + 1, "PART") && k + 1 < this.endWord
						&& this.s.is(k + 1, "NOUN")) {
					continue; // "Turkey's top defence body"
				}
				// "Rosoboronexport last year": an adjective after a name starts a phrase of its own
				break;
			}
			return h;
		}

		private int nounPhraseStart(int w) {
			int k = w;
			while (k - 1 >= this.firstWord) {
				String tag = this.s.tag(k - 1);
				if (tag.equals("DET") || tag.equals("ADJ") || tag.equals("NUM") || tag.equals("PROPN")
						|| tag.equals("NOUN") || (tag.equals("PART") && this.s.lower(k - 1).contains("s"))
						|| (tag.equals("PRON") && lexicon().determiners().contains(this.s.lower(k - 1)))) {
					k--;
					continue;
				}
				break;
			}
			return k;
		}

		// "in northeastern Syria", "at the port of Tartus": a place word or two after a location preposition
		private boolean behindLocation(int np) {
			return np - 1 >= this.firstWord && this.s.is(np - 1, "ADP")
					&& lexicon().locationPrepositions().contains(this.s.lower(np - 1));
		}

		private Lexicon lexicon() {
			return EnglishReader.this.lexicon;
		}

		private int skipDeterminers(int t) {
			int i = t;
			while (i >= 0 && EnglishReader.this.lexicon.determiners().contains(this.f.tokens.token(i))
					&& this.f.mentionAt[i] < 0) {
				i--;
			}
			return i;
		}

	}

	static boolean earlierYear(String word, int year) {
		return word.length() == 4 && (word.startsWith("19") || word.startsWith("20"))
				&& word.chars().allMatch(Character::isDigit) && Integer.parseInt(word) < year;
	}

	static Role byDirection(String direction, Role whenBuy, Role whenSell) {
		return switch (direction) {
			case "buy" -> whenBuy;
			case "sell" -> whenSell;
			default -> Role.PARTNER;
		};
	}

	// "the Stockholm International Peace Research Institute", "the Moscow Times": in running text a capital
	// followed by another capitalised word is part of a name, not the government (titles are often in title
	// case, so only the body is read this way)
	static boolean capitalInAName(ResolvedField f, Mention mention) {
		if (!"body".equals(f.field) || mention.hits().get(0).form() != NameForm.CAPITAL) {
			return false;
		}
		int next = mention.endToken();
		return next < f.tokens.size() && f.mentionAt[next] < 0 && f.tokens.gapBefore(next).equals(" ")
				&& Character.isUpperCase(f.text.charAt(f.tokens.start(next)));
	}

	// "the Turkish official", "a Qatari investment fund", "Saudi contractor Arkad": the country acts;
	// "Russian wheat", "Russian S-400" name an origin
	boolean demonymIsActor(ResolvedField f, Mention mention) {
		int limit = Math.min(f.tokens.size(), mention.endToken() + 3);
		for (int t = mention.endToken(); t < limit; t++) {
			int m = f.mentionAt[t];
			if (m >= 0) {
				Entry e = f.mentions.get(m).hits().get(0).entry();
				if (e.kind().isParty()) {
					return true;
				}
				if (e.kind() != Kind.CUE) {
					return false;
				}
				if (this.lexicon.actorNouns().contains(f.tokens.token(f.mentions.get(m).endToken() - 1))) {
					return true; // "investment fund": a transaction word that names an actor
				}
				t = f.mentions.get(m).endToken() - 1;
				continue;
			}
			if (this.lexicon.actorNouns().contains(f.tokens.token(t))) {
				return true;
			}
		}
		return false;
	}

}
