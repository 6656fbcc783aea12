package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.analysis.ClauseReading.Trigger;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.language.RussianMorphology;
import org.sanctionswatch.language.RussianReading;
import org.sanctionswatch.language.RussianReading.Feature;
import org.sanctionswatch.language.RussianReading.PartOfSpeech;
import org.sanctionswatch.language.RussianWord;
import org.sanctionswatch.reference.CueClass;
import org.sanctionswatch.reference.RussianGrammar;
import org.sanctionswatch.reference.RussianGrammar.Preposition;
import org.sanctionswatch.text.TextFolder;
import org.sanctionswatch.text.TokenizedText;

/**
 * Russian clauses read on their morphology. A transaction word reports a deal unless "не" negates it or its
 * verb, a verb of denial or doubt governs it ("опроверг поставки", "может вернуться к идее закупки"), or it is
 * told as history ("ранее", "после того как", a year before the article's). Roles come from case and
 * preposition, as Russian marks them: the nominative subject acts, the dative receives ("передала Сербии"),
 * "из России" and "у России" sell, "для армии Мали" and "в Турцию" receive, "с Рособоронэкспортом" partners,
 * the instrumental of a passive is its agent ("подписан «Рособоронэкспортом»"). A country in the genitive
 * after a noun through which countries act ("министерство обороны Индии") takes that noun's part.
 */
final class RussianReader implements ClauseReader {

	private static final Set<PartOfSpeech> VERBAL = EnumSet.of(PartOfSpeech.VERB, PartOfSpeech.PARTICIPLE,
			PartOfSpeech.SHORT_PARTICIPLE, PartOfSpeech.GERUND);

	private final RussianGrammar grammar;

	RussianReader(RussianGrammar grammar) {
		this.grammar = grammar;
	}

	@Override
	public boolean reads(Entry cue) {
		return "ru".equals(cue.attribute("language"));
	}

	@Override
	public boolean opensClause(TokenizedText tokens, int t) {
		return this.grammar.clauseOpeners().contains(tokens.token(t));
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
			return null;
		}
		Clause clause = new Clause(f, from, to, year);
		List<Trigger> triggers = new ArrayList<>(transactionCues.size());
		for (int m : transactionCues) {
			triggers.add(clause.judge(f.mentions.get(m)));
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
			// "вертолеты Ми-8, направленные российской стороной, работают": a participle that describes what another
			// verb's subject does reports a transfer only when it names who received it
			if (clause.participial(reading) && mentions.stream().noneMatch(m -> reading.roleOf(m) == Role.BUYER)) {
				List<Trigger> described = new ArrayList<>();
				for (Trigger t : triggers) {
					described.add(t.reporting() && clause.participle(t)
							? new Trigger(t.firstToken(), t.endToken(), t.kind(), t.direction(), t.stage(), "descriptive",
									t.status(), t.passive())
							: t);
				}
				return new ClauseReading(described, mentions);
			}
		}
		return reading;
	}

	/** Whether a party mention can be a party at all: a demonym adjective acts only before an actor noun. */
	@Override
	public boolean actsAsParty(ResolvedField f, Mention mention) {
		Mention.Hit first = mention.hits().get(0);
		if (first.form() == NameForm.PLACE) {
			return false;
		}
		if (first.form() != NameForm.DEMONYM) {
			return true;
		}
		int next = mention.endToken();
		// "российско-индийское предприятие": the first of two joined demonyms acts with the second
		if (next < f.tokens.size() && f.mentionAt[next] >= 0
				&& f.mentions.get(f.mentionAt[next]).hits().get(0).form() == NameForm.DEMONYM) {
			next = f.mentions.get(f.mentionAt[next]).endToken();
		}
		return next < f.tokens.size() && actorNounAt(f, next) > 0;
	}

	@Override
	public boolean inPlacePhrase(ResolvedField f, Mention mention) {
		int t = mention.firstToken() - 1;
		if (t < 0 || f.sentenceOf[t] != f.sentenceOf[mention.firstToken()]) {
			return false;
		}
		Clause clause = new Clause(f, Math.max(0, t - 3), mention.endToken(), 0);
		Preposition p = clause.prepositionBefore(mention.firstToken(), clause.cases(mention), null);
		return p != null && p.role() == RussianGrammar.PrepositionRole.PLACE;
	}

	private static final Map<String, String> FOLDED_LEMMAS = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Whether token {@code t} is the grammar word {@code folded} in any of its readings: "стороной" is the adverb
	 * "aside" to the gazetteer's key, and also the noun "сторона" that an actor noun names.
	 */
	static boolean is(ResolvedField f, int t, String folded) {
		if (f.tokens.token(t).equals(folded)) {
			return true;
		}
		RussianWord w = wordAt(f, t);
		if (w == null || w.lemmas().size() < 2) {
			return false;
		}
		for (String lemma : w.lemmas()) {
			String key = FOLDED_LEMMAS.get(lemma);
			if (key == null) {
				key = TextFolder.get().fold(lemma);
				if (FOLDED_LEMMAS.size() < 100_000) {
					FOLDED_LEMMAS.put(lemma, key);
				}
			}
			if (key.equals(folded)) {
				return true;
			}
		}
		return false;
	}

	/** The readings of a Cyrillic token; {@code null} for a designation, a figure or a Latin word. */
	static @Nullable RussianWord wordAt(ResolvedField f, int t) {
		String surface = f.text.substring(f.tokens.start(t), f.tokens.end(t));
		for (int i = 0; i < surface.length(); i++) {
			char c = surface.charAt(i);
			if (Character.isLetter(c) && !(c >= '\u0400' && c <= '\u052F')) {
				return null;
			}
		}
		return RussianMorphology.get().word(surface.toLowerCase(Locale.ROOT).replace("\u00AD", ""));
	}

	/** How many tokens an actor noun takes at token {@code t} ("министерство", "вооруженные силы"), or 0. */
	int actorNounAt(ResolvedField f, int t) {
		for (List<String> noun : this.grammar.actorNouns()) {
			if (t + noun.size() > f.tokens.size()) {
				continue;
			}
			boolean match = true;
			for (int k = 0; k < noun.size() && match; k++) {
				match = is(f, t + k, noun.get(k));
			}
			if (match) {
				return noun.size();
			}
		}
		return 0;
	}

	private final class Clause {

		private final ResolvedField f;

		private final int from;

		private final int to;

		private final int year;

		private final RussianWord[] words;

		Clause(ResolvedField f, int from, int to, int year) {
			this.f = f;
			this.from = from;
			this.to = to;
			this.year = year;
			this.words = new RussianWord[to - from];
		}

		/** The readings of a Cyrillic token; {@code null} for a designation, a figure or a Latin word. */
		@Nullable RussianWord word(int t) {
			if (t < this.from || t >= this.to) {
				return (t >= 0 && t < this.f.tokens.size()) ? lookUp(t) : null;
			}
			RussianWord w = this.words[t - this.from];
			if (w == null) {
				w = lookUp(t);
				this.words[t - this.from] = w;
			}
			return w;
		}

		private @Nullable RussianWord lookUp(int t) {
			return wordAt(this.f, t);
		}

		private @Nullable CueClass cueClass(int t) {
			int m = (t >= 0 && t < this.f.tokens.size()) ? this.f.mentionAt[t] : -1;
			if (m < 0) {
				return null;
			}
			Entry e = this.f.mentions.get(m).hits().get(0).entry();
			return (e.kind() == Kind.CUE) ? CueClass.of(e.category()) : null;
		}

		private @Nullable String kindAt(int t) {
			int m = this.f.mentionAt[t];
			return (m >= 0) ? this.f.mentions.get(m).hits().get(0).entry().attribute("kind") : null;
		}

		private boolean verbal(int t) {
			RussianWord w = word(t);
			if (w == null) {
				return false;
			}
			String key = this.f.tokens.token(t);
			for (RussianReading r : w.readings()) {
				if (VERBAL.contains(r.pos()) && key.equals(TextFolder.get().fold(r.lemma()))) {
					return true;
				}
			}
			return false;
		}

		/** A finite or infinitive verb, a participle or a gerund at token {@code t}, whatever its lemma. */
		private boolean anyVerb(int t) {
			RussianWord w = word(t);
			if (w == null || !w.known()) {
				return false;
			}
			// a form that can be a noun is read as one ("стали", "поставки"): nouns are what names sit beside
			if (w.any(PartOfSpeech.NOUN) || w.any(PartOfSpeech.ADJECTIVE)) {
				return w.only(PartOfSpeech.VERB);
			}
			for (RussianReading r : w.readings()) {
				if (VERBAL.contains(r.pos())) {
					return true;
				}
			}
			return false;
		}

		/** A full participle, with a case: "поставленные", "направленные". */
		boolean participle(Trigger t) {
			RussianWord w = word(t.firstToken());
			return w != null && w.any(PartOfSpeech.PARTICIPLE) && !w.any(PartOfSpeech.VERB);
		}

		/** Whether the reporting words are participles beside a finite verb that is the clause's own. */
		boolean participial(ClauseReading reading) {
			if (reading.reporting().isEmpty() || !reading.reporting().stream().allMatch(this::participle)) {
				return false;
			}
			for (int t = this.from; t < this.to; t++) {
				RussianWord w = word(t);
				if (w != null && w.known() && cueClass(t) != CueClass.TRANSACTION && w.only(PartOfSpeech.VERB)
						&& !w.any(PartOfSpeech.VERB, Feature.INFINITIVE)) {
					return true;
				}
			}
			return false;
		}

		private boolean negationBefore(int t) {
			int k = t - 1;
			// "не был подписан", "так и не получила"
			while (k >= this.from && (isAuxiliary(k) || adverb(k))) {
				k--;
			}
			return k >= this.from && cueClass(k) == CueClass.NEGATION;
		}

		private boolean isAuxiliary(int t) {
			for (String aux : RussianReader.this.grammar.auxiliaries()) {
				if (is(this.f, t, aux)) {
					return true;
				}
			}
			return false;
		}

		private boolean adverb(int t) {
			RussianWord w = word(t);
			return w != null && w.only(PartOfSpeech.ADVERB);
		}

		Trigger judge(Mention cue) {
			Entry e = cue.hits().get(0).entry();
			String kind = e.attribute("kind");
			String direction = e.attribute("direction");
			String stage = e.attribute("stage");
			int head = cue.firstToken();
			boolean verbal = false;
			for (int t = cue.firstToken(); t < cue.endToken(); t++) {
				if (verbal(t)) {
					head = t;
					verbal = true;
					break;
				}
			}
			if (negationBefore(cue.firstToken())) {
				return trigger(cue, kind, direction, stage, "negated", null);
			}
			for (int t = this.from; t < this.to; t++) {
				if (cueClass(t) == CueClass.HISTORY) {
					return trigger(cue, kind, direction, stage, "history", null);
				}
			}
			String newStage = stage;
			String status = null;
			// the words before the trigger, back to the previous verb: markers there are about this deal
			int governing = -1;
			for (int t = cue.firstToken() - 1; t >= this.from; t--) {
				CueClass c = cueClass(t);
				boolean verb = anyVerb(t);
				if (c == CueClass.BACKGROUND && !(verbal && prepositionalMarker(t))) {
					return trigger(cue, kind, direction, stage, "background", null);
				}
				if (c == CueClass.NON_TRANSACTION) {
					return trigger(cue, kind, direction, stage, "figure", null);
				}
				if (c == CueClass.REFUSAL) {
					return trigger(cue, kind, direction, stage, "denied", null);
				}
				if (c == CueClass.SPECULATION) {
					return trigger(cue, kind, direction, stage, "speculative", null);
				}
				if (c == CueClass.COMMENTARY) {
					return trigger(cue, kind, direction, stage, "commentary", null);
				}
				if (c == CueClass.STATUS_CHANGE) {
					status = "status-change:" + this.f.tokens.token(t);
				}
				if (c == CueClass.NEGOTIATION) {
					newStage = "negotiation";
				}
				if (c == CueClass.OPERATIONAL && !verbal) {
					return trigger(cue, kind, direction, stage, "operational", null);
				}
				if (verb && c != CueClass.TRANSACTION) {
					governing = t;
					if (negationBefore(t)) {
						return trigger(cue, kind, direction, stage, "negated", null);
					}
					// an infinitive or a governing verb of intent passes its reach on ("намерена приобрести")
					RussianWord w = word(t);
					boolean infinitive = w != null && w.any(PartOfSpeech.VERB, Feature.INFINITIVE);
					if (!infinitive && c == null) {
						break;
					}
				}
				if (c == CueClass.TRANSACTION && "offer".equals(kindAt(t)) && !"offer".equals(kind)) {
					return trigger(cue, kind, direction, stage, "offered", null); // "предложила поставить"
				}
				if (verb && c == CueClass.TRANSACTION) {
					break;
				}
			}
			// a noun told by the verb after it: "поставки ... были сорваны", "контракт ... отменен"
			if (!verbal && governing < 0) {
				int resume = -1;
				for (int t = cue.endToken(); t < this.to; t++) {
					if (t != resume && this.f.tokens.gapContains(t, ',')) {
						// over an aside: "Переговоров с Россией, как признаёт автор, не ведётся"
						resume = asideEnd(t);
						if (resume < 0) {
							break;
						}
						t = resume - 1;
						continue;
					}
					CueClass c = cueClass(t);
					if (c == CueClass.REFUSAL) {
						return trigger(cue, kind, direction, stage, "denied", null);
					}
					if (c == CueClass.CONSEQUENCE) {
						return trigger(cue, kind, direction, stage, "background", null);
					}
					if (c == CueClass.STATUS_CHANGE) {
						status = "status-change:" + this.f.tokens.token(t);
						break;
					}
					if (anyVerb(t)) {
						if (negationBefore(t)) {
							return trigger(cue, kind, direction, stage, "negated", null);
						}
						if (c == CueClass.OPERATIONAL) {
							return trigger(cue, kind, direction, stage, "operational", null);
						}
						break;
					}
				}
			}
			if (dated(head)) {
				return trigger(cue, kind, direction, stage, "background", null);
			}
			if (relative() && mainVerbOutside()) {
				return trigger(cue, kind, direction, stage, "descriptive", null);
			}
			return trigger(cue, kind, direction, newStage, "reports", status);
		}

		// "Вслед за снарядами КНДР передала России...": a marker that governs a noun dates that noun, not the verb
		// of the clause; "после того как" and "ранее" date the verb
		private boolean prepositionalMarker(int t) {
			int m = this.f.mentionAt[t];
			int last = (m >= 0) ? this.f.mentions.get(m).endToken() - 1 : t;
			RussianWord next = (last + 1 < this.to) ? word(last + 1) : null;
			return preposition(last) && next != null && !anyVerb(last + 1) && cueClass(last + 1) != CueClass.TRANSACTION;
		}

		// the token after an aside opened at token t ("как признаёт автор,"), or -1
		private int asideEnd(int t) {
			if (RussianReader.this.grammar.asides().stream().noneMatch(a -> is(this.f, t, a))) {
				return -1;
			}
			int sentence = this.f.sentenceOf[t];
			for (int k = t + 1; k < Math.min(this.f.tokens.size(), t + 8) && this.f.sentenceOf[k] == sentence; k++) {
				if (this.f.tokens.gapContains(k, ',')) {
					return k;
				}
			}
			return -1;
		}

		// "..., которые Турция получила от России": the clause opens with a relative pronoun
		private boolean relative() {
			return this.from < this.to && RussianReader.this.grammar.relativePronouns().stream()
				.anyMatch(r -> is(this.f, this.from, r));
		}

		// the sentence's own verb, outside this clause, and not itself a deal
		private boolean mainVerbOutside() {
			int sentence = this.f.sentenceOf[this.from];
			for (int t = this.from - 1; t >= 0 && this.f.sentenceOf[t] == sentence; t--) {
				if (finiteVerb(t) && cueClass(t) != CueClass.TRANSACTION) {
					return true;
				}
			}
			for (int t = this.to; t < this.f.tokens.size() && this.f.sentenceOf[t] == sentence; t++) {
				if (finiteVerb(t) && cueClass(t) != CueClass.TRANSACTION) {
					return true;
				}
			}
			return false;
		}

		private boolean finiteVerb(int t) {
			RussianWord w = word(t);
			return w != null && w.known() && w.only(PartOfSpeech.VERB) && !w.any(PartOfSpeech.VERB, Feature.INFINITIVE)
					&& !isAuxiliary(t);
		}

		private Trigger trigger(Mention cue, String kind, String direction, String stage, String verdict,
				@Nullable String status) {
			return new Trigger(cue.firstToken(), cue.endToken(), kind, direction, stage, verdict, status,
					"passive".equals(cue.hits().get(0).entry().attribute("voice")));
		}

		// "был подписан в 2018 году", "поставленные в 2019 году", told in a later year
		private boolean dated(int head) {
			if (this.year <= 0) {
				return false;
			}
			RussianWord w = word(head);
			boolean future = w != null && w.any(PartOfSpeech.VERB, Feature.FUTURE);
			if (future) {
				return false;
			}
			for (int t = this.from; t < this.to; t++) {
				if (EnglishReader.earlierYear(this.f.tokens.token(t), this.year) && !rangeAfter(t) && temporal(t)) {
					return true;
				}
			}
			return false;
		}

		// "в 2018 году", "в октябре 2018 года", "с 2019 года": a year that times a verb; "контракт 2015 года"
		// names a contract
		private boolean temporal(int year) {
			for (int t = year - 1; t >= Math.max(this.from, year - 3); t--) {
				if (this.f.tokens.gapBefore(t + 1).contains(",")) {
					return false;
				}
				if (RussianReader.this.grammar.temporalPrepositions().contains(this.f.tokens.token(t))) {
					return true;
				}
			}
			return false;
		}

		// "в 2025–2026 годах": a span that reaches the present is not history
		private boolean rangeAfter(int t) {
			if (t + 1 >= this.to) {
				return false;
			}
			String next = this.f.tokens.token(t + 1);
			return next.length() == 4 && next.chars().allMatch(Character::isDigit) && Integer.parseInt(next) >= this.year;
		}

		// ---- roles ----

		@Nullable Role roleOf(Mention mention, ClauseReading reading, Map<Integer, Role> roles) {
			if (!actsAsParty(this.f, mention)) {
				return null;
			}
			int first = mention.firstToken();
			// "Россия и Турция подписали", "между Россией и Египтом": the second of two takes the first one's part
			if (first >= 1 && RussianReader.this.grammar.coordinators().stream().anyMatch(c -> is(this.f, first - 1, c))
					&& roles.containsKey(first - 1)) {
				return roles.get(first - 1);
			}
			Trigger trigger = reading.nearest(first, mention.endToken());
			if (trigger == null) {
				return Role.OTHER;
			}
			// the noun phrase the party stands in: itself, or an actor noun it depends on in the genitive
			int phrase = first;
			Set<Feature> cases = cases(mention);
			if (mention.hits().get(0).form() == NameForm.DEMONYM) {
				int next = mention.endToken();
				cases = (next < this.f.tokens.size()) ? casesOf(next) : cases;
			}
			else if (cases.contains(Feature.GENITIVE) && first >= 1) {
				int owner = ownerOf(first);
				if (owner >= 0) {
					if (cueClass(owner) == CueClass.TRANSACTION) {
						// "поставки Индии": the recipient of a delivery in the dative, its seller in the genitive
						return cases.contains(Feature.DATIVE) ? Role.BUYER
								: EnglishReader.byDirection(directionAt(reading, owner), Role.BUYER, Role.SELLER);
					}
					phrase = owner;
					cases = casesOf(actorNounEnd(owner));
					if (owner >= 1 && receivedInto(owner - 1)) {
						return Role.BUYER; // "поступила на вооружение военно-воздушных сил Белоруссии"
					}
					// "поступила на вооружение ВВС Белоруссии": the owner of what is received receives it
					if (cases.contains(Feature.GENITIVE) && owner >= 1 && cueClass(owner - 1) == CueClass.TRANSACTION) {
						return cases.contains(Feature.DATIVE) ? Role.BUYER
								: EnglishReader.byDirection(directionAt(reading, owner - 1), Role.BUYER, Role.SELLER);
					}
				}
			}
			Preposition p = prepositionBefore(phrase, cases, trigger.direction());
			if (p != null) {
				return switch (p.role()) {
					case SELLER -> Role.SELLER;
					case RECIPIENT -> Role.BUYER;
					case PARTNER -> Role.PARTNER;
					case AGENT -> EnglishReader.byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
					case SOURCE -> Role.OTHER;
					case PLACE -> null;
				};
			}
			if (phrase >= 1 && preposition(phrase - 1)) {
				return null; // another preposition: "по контракту", "к Индии"
			}
			boolean passive = passive(trigger);
			if ((cases.isEmpty() || cases.contains(Feature.NOMINATIVE)) && mention.endToken() <= trigger.firstToken()
					&& governedNoun(mention.endToken(), trigger.firstToken())) {
				// "Минобороны Турции сообщило о начале поставок": the one who tells of a delivery takes part in it,
				// on a side the words do not say
				return Role.PARTNER;
			}
			if (cases.contains(Feature.NOMINATIVE) && !cases.contains(Feature.DATIVE)
					&& !cases.contains(Feature.INSTRUMENTAL)) {
				return passive ? EnglishReader.byDirection(trigger.direction(), Role.SELLER, Role.BUYER)
						: EnglishReader.byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
			}
			if (cases.contains(Feature.DATIVE) && !cases.contains(Feature.NOMINATIVE)) {
				return Role.BUYER;
			}
			if (cases.contains(Feature.INSTRUMENTAL) && !cases.contains(Feature.NOMINATIVE)) {
				return EnglishReader.byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
			}
			if (cases.contains(Feature.ACCUSATIVE) && !cases.contains(Feature.NOMINATIVE)
					&& "sell".equals(trigger.direction())) {
				return Role.BUYER; // "снабдила Индию", "вооружила армию"
			}
			if (cases.isEmpty() || cases.contains(Feature.NOMINATIVE)) {
				boolean subject = mention.endToken() <= trigger.firstToken();
				if (subject) {
					return EnglishReader.byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
				}
				// "принят в состав ВМС Индии": a name that shows no case, right after what it receives
				return (cases.isEmpty() && phrase >= 1 && receivedInto(phrase - 1)) ? Role.BUYER : Role.OTHER;
			}
			return Role.OTHER;
		}

		// a transaction noun that is the object of another finite verb after the subject
		private boolean governedNoun(int subjectEnd, int cue) {
			if (verbal(cue) || anyVerb(cue)) {
				return false;
			}
			for (int t = subjectEnd; t < cue; t++) {
				RussianWord w = word(t);
				if (w != null && w.known() && w.only(PartOfSpeech.VERB) && !w.any(PartOfSpeech.VERB, Feature.INFINITIVE)
						&& cueClass(t) == null && !isAuxiliary(t)) {
					return true;
				}
			}
			return false;
		}

		// "в состав", "на вооружение": the noun a received good enters, with its preposition, right after the
		// transaction word
		private boolean receivedInto(int k) {
			while (k > this.from && !partyAt(k) && (adjectival(k) || compoundHead(k))) {
				k--; // "на вооружение военно-воздушных сил"
			}
			RussianWord w = word(k);
			if (k < this.from + 2 || w == null || !w.any(PartOfSpeech.NOUN)) {
				return false;
			}
			// either one cue ("принять в состав") or a cue and its phrase ("поступила на вооружение")
			return cueClass(k) == CueClass.TRANSACTION && cueClass(k - 1) == CueClass.TRANSACTION
					|| !partyAt(k) && preposition(k - 1)
							&& cueClass(k - 2) == CueClass.TRANSACTION;
		}

		private String directionAt(ClauseReading reading, int token) {
			for (Trigger t : reading.triggers()) {
				if (t.firstToken() <= token && token < t.endToken()) {
					return t.direction();
				}
			}
			return "neutral";
		}

		// The noun a genitive depends on, across a chain of genitives: "министерство обороны Индии" gives
		// "министерство"; -1 when the word before is no noun
		private int ownerOf(int t) {
			int k = t - 1;
			int owner = -1;
			while (k >= this.from) {
				if (this.f.mentionAt[k] >= 0 && cueClass(k) == null) {
					break; // another name
				}
				int actor = actorNounStart(k);
				if (actor >= 0) {
					return actor;
				}
				RussianWord w = word(k);
				if (cueClass(k) == CueClass.TRANSACTION && (w == null || w.any(PartOfSpeech.NOUN))) {
					return (owner < 0) ? k : owner;
				}
				if (w != null && w.any(PartOfSpeech.NOUN) && w.anyCase(Feature.GENITIVE)) {
					k--;
					continue; // "обороны" in "министерство обороны Индии"
				}
				break;
			}
			return owner;
		}

		private int actorNounEnd(int start) {
			int n = actorNounAt(this.f, start);
			return (n > 0) ? start + n - 1 : start;
		}

		private int actorNounStart(int k) {
			for (int start = k; start >= Math.max(this.from, k - 2); start--) {
				int n = actorNounAt(this.f, start);
				if (n > 0 && start + n - 1 == k) {
					return start;
				}
			}
			return -1;
		}

		// the case of a name is its first word's ("Центральноафриканской Республики"); a name that opens with an
		// abbreviation ("ВВС Вьетнама") shows none, and is read by its place
		private Set<Feature> cases(Mention mention) {
			return casesOf(mention.firstToken());
		}

		private Set<Feature> casesOf(int t) {
			RussianWord w = word(t);
			EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
			if (w == null) {
				return out;
			}
			if (!w.known()) {
				String form = w.form();
				if (form.length() < 3 || Character.isUpperCase(this.f.text.charAt(this.f.tokens.start(t)))
						&& form.length() <= 4 && allCapitals(t)) {
					return out; // an abbreviation does not decline: "ЦАР", "КНДР"
				}
				for (String c : RussianReader.this.grammar.casesOfUnknown(form)) {
					out.add(Feature.valueOf(c));
				}
				return out;
			}
			for (RussianReading r : w.readings()) {
				if (r.pos() == PartOfSpeech.NOUN || r.pos() == PartOfSpeech.ADJECTIVE
						|| r.pos() == PartOfSpeech.PRONOUN || r.pos() == PartOfSpeech.NUMERAL) {
					for (Feature f : r.features()) {
						if (f.ordinal() <= Feature.VOCATIVE.ordinal()) {
							out.add(f);
						}
					}
				}
			}
			return out;
		}

		private boolean allCapitals(int t) {
			for (int i = this.f.tokens.start(t); i < this.f.tokens.end(t); i++) {
				if (Character.isLowerCase(this.f.text.charAt(i))) {
					return false;
				}
			}
			return true;
		}

		private boolean preposition(int t) {
			RussianWord w = word(t);
			return w != null && w.any(PartOfSpeech.PREPOSITION) && !w.any(PartOfSpeech.NOUN);
		}

		// the preposition right before a phrase (over adjectives: "из самой России"), in the sense whose
		// case the phrase can be in
		private @Nullable Preposition prepositionBefore(int phrase, Set<Feature> cases, @Nullable String direction) {
			int k = phrase - 1;
			while (k >= this.from && adjectiveOnly(k)) {
				k--;
			}
			if (k < this.from) {
				return null;
			}
			Preposition any = null;
			for (Preposition p : RussianReader.this.grammar.prepositions()) {
				int n = p.words().size();
				int start = k - n + 1;
				if (start < this.from) {
					continue;
				}
				boolean match = true;
				for (int i = 0; i < n && match; i++) {
					match = is(this.f, start + i, p.words().get(i));
				}
				if (!match || (p.direction() != null && !p.direction().equals(direction))) {
					continue;
				}
				if (cases.isEmpty() || cases.contains(Feature.valueOf(p.grammaticalCase()))) {
					return p;
				}
				if (any == null) {
					any = p;
				}
			}
			return (cases.isEmpty()) ? any : null;
		}

		// the first half of a hyphenated word: "военно" in "военно-воздушных"
		private boolean compoundHead(int t) {
			int end = this.f.tokens.end(t);
			return end < this.f.text.length() && this.f.text.charAt(end) == '-';
		}

		private boolean adjectival(int t) {
			RussianWord w = word(t);
			return w != null && w.known() && w.only(PartOfSpeech.ADJECTIVE);
		}

		private boolean partyAt(int t) {
			int m = this.f.mentionAt[t];
			return m >= 0 && this.f.mentions.get(m).hits().get(0).entry().kind().isParty()
					&& actsAsParty(this.f, this.f.mentions.get(m));
		}

		private boolean adjectiveOnly(int t) {
			RussianWord w = word(t);
			return w != null && w.known() && w.only(PartOfSpeech.ADJECTIVE) && this.f.mentionAt[t] < 0;
		}

		// "были поставлены", "поставляются": the subject is what is delivered, or who it is delivered to
		private boolean passive(Trigger trigger) {
			if (trigger.passive()) {
				return true;
			}
			for (int t = trigger.firstToken(); t < trigger.endToken(); t++) {
				RussianWord w = word(t);
				if (w == null) {
					continue;
				}
				for (RussianReading r : w.readings()) {
					if ((r.pos() == PartOfSpeech.SHORT_PARTICIPLE || r.pos() == PartOfSpeech.PARTICIPLE)
							&& r.is(Feature.PASSIVE)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
