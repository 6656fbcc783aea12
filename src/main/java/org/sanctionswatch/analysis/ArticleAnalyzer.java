package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.reference.CueClass;
import org.sanctionswatch.reference.ReferenceData;

/**
 * Finds the transactions an article reports, in English or in Russian. The gazetteer has already found every
 * name and transaction word in one pass; only a clause that holds a transaction word is read further, by the
 * grammar of the article's language ({@link EnglishReader}, {@link RussianReader}), which judges each
 * transaction word and gives each party its role. A party or item the clause leaves out is taken from the
 * rest of the paragraph, the title or the lead.
 */
public final class ArticleAnalyzer {

	private static final Set<String> EXPLICIT_TRADE = Set.of("purchase", "sale", "delivery", "contract",
			"joint-production", "technology-transfer", "lease", "maintenance", "negotiation", "production", "offer");

	private static final String ANY_SYSTEM = "*";

	/** Kinds of deal words whose negation says that a deal is not in talks: "no talks", "no proposal". */
	private static final Set<String> TALKS = Set.of("negotiation", "offer");

	private final ReferenceData reference;

	private final EnglishReader english;

	private final RussianReader russian;

	public ArticleAnalyzer(ReferenceData reference) {
		this.reference = reference;
		this.english = new EnglishReader(reference.lexicon());
		this.russian = new RussianReader(reference.russian());
	}

	/** An English article of unknown date. */
	public ArticleAnalysis analyze(@Nullable String title, String body, Gazetteer gazetteer) {
		return analyze("en", title, body, 0, gazetteer);
	}

	/**
	 * @param language the article's language (ISO 639-1); Russian is read by its own grammar, any other
	 * language by the English one
	 * @param year the year of publication, 0 when unknown: a deal dated before it is history
	 */
	public ArticleAnalysis analyze(String language, @Nullable String title, String body, int year,
			Gazetteer gazetteer) {
		ClauseReader reader = "ru".equals(language) ? this.russian : this.english;
		ResolvedField titleField = ResolvedField.resolve("title", (title != null) ? title : "", gazetteer, reader);
		ResolvedField bodyField = ResolvedField.resolve("body", body, gazetteer, reader);
		List<Transaction> transactions = new ArrayList<>();
		List<Judgement> judgements = new ArrayList<>();
		Context context = new Context(titleField, bodyField, reader);
		read(titleField, context, transactions, judgements, year);
		read(bodyField, context, transactions, judgements, year);
		transactions = news(transactions, judgements, titleField, bodyField, context);
		transactions = withHistory(transactions, context.echoes);
		List<NamedMention> names = new ArrayList<>();
		List<Span> sentences = new ArrayList<>();
		List<Span> paragraphs = new ArrayList<>();
		for (ResolvedField f : List.of(titleField, bodyField)) {
			for (Mention m : f.mentions) {
				if (m.hits().get(0).entry().kind() != Kind.CUE) {
					names.add(new NamedMention(f.span(m), entries(m)));
				}
			}
			for (int s = 0; s < f.sentences.size(); s++) {
				sentences.add(f.sentenceSpan(s));
			}
			for (int s = 0; s < f.sentences.size(); s++) {
				int start = s;
				while (s + 1 < f.sentences.size() && f.paragraphOf(s + 1) == f.paragraphOf(start)) {
					s++;
				}
				int from = f.sentences.get(start).start();
				int to = f.sentences.get(s).end();
				paragraphs.add(new Span(f.field, from, to, f.text.substring(from, to)));
			}
		}
		return new ArticleAnalysis(transactions, names, sentences, paragraphs, judgements);
	}

	private void read(ResolvedField f, Context context, List<Transaction> out, List<Judgement> judgements, int year) {
		int t = 0;
		while (t < f.tokens.size()) {
			int clause = f.clauseOf[t];
			int end = t;
			while (end < f.tokens.size() && f.clauseOf[end] == clause) {
				end++;
			}
			Transaction transaction = readClause(f, t, end, context, year, judgements);
			if (transaction != null) {
				out.add(transaction);
			}
			t = end;
		}
	}

	private @Nullable Transaction readClause(ResolvedField f, int from, int to, Context context, int year,
			List<Judgement> judgements) {
		if (!nameInReach(f, from, to)) {
			// no name in the clause and no item to take from the sentence before: no rule can fire on what it
			// says, so its words are not tagged (most deal words of the news are in such clauses)
			return null;
		}
		ClauseReading words = f.reader.read(f, from, to, year);
		if (words == null) {
			return null;
		}
		// bounded: a text of a thousand deal words keeps the first few hundred verdicts
		for (ClauseReading.Trigger t : words.triggers()) {
			if (judgements.size() < MAX_JUDGEMENTS) {
				int start = f.tokens.start(t.firstToken());
				int end = f.tokens.end(t.endToken() - 1);
				judgements.add(new Judgement(new Span(f.field, start, end, f.text.substring(start, end)), t.kind(),
						t.verdict()));
			}
		}
		int sentence = f.sentenceOf[from];
		if (words.triggers().stream().anyMatch(t -> t.verdict().equals("negated") && TALKS.contains(t.kind()))) {
			// "there were no talks on the jet": what is denied here is not being negotiated anywhere in the article;
			// "no proposal is under consideration", of nothing named, denies every talk the article reports
			boolean named = false;
			for (int m : words.mentionIndexes()) {
				Entry e = f.mentions.get(m).hits().get(0).entry();
				if (e.kind() == Kind.SYSTEM) {
					context.deniedTalks.add(e.id());
					named = true;
				}
			}
			for (Item i : context.itemsBefore(f, from, sentence, new ArrayList<>())) {
				context.deniedTalks.add(i.entry().id());
				named = true;
			}
			if (!named) {
				context.deniedTalks.add(ANY_SYSTEM);
			}
		}
		if (words.reporting().isEmpty()) {
			if (!words.echoes().isEmpty()) {
				context.echo(echo(f, words, sentence));
			}
			return null;
		}
		List<Party> parties = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		// one party per entity and role, one item per entry: a text that repeats a name a thousand times
		// reports the same deal, and stays linear to analyse
		Set<String> seen = new java.util.HashSet<>();
		for (int m : words.mentionIndexes()) {
			Mention mention = f.mentions.get(m);
			Entry primary = mention.hits().get(0).entry();
			if (primary.kind().isItem()) {
				if (seen.add(primary.id())) {
					String origin = originOf(f, mention, primary);
					items.add(new Item(primary, f.span(mention), origin, false));
					Item referent = referent(f, mention, primary, origin, context);
					if (referent != null && seen.add(referent.entry().id())) {
						items.add(referent);
					}
				}
			}
			else if (primary.kind().isParty()) {
				Role role = words.roleOf(m);
				if (role == null) {
					continue;
				}
				if (!seen.add(primary.id() + "\u0000" + role)) {
					continue;
				}
				parties.add(new Party(entries(mention), role, f.span(mention), null));
				Entry pipeline = pipelineOf(primary);
				if (pipeline != null) {
					// "Nord Stream 2 AG said ..." speaks for its pipeline
					items.add(new Item(pipeline, f.span(mention), pipeline.country(), true));
				}
			}
		}
		List<Span> used = new ArrayList<>();
		if (items.isEmpty()) {
			items.addAll(context.itemsBefore(f, from, sentence, used));
		}
		if (parties.isEmpty() && items.isEmpty()) {
			return null;
		}
		for (Party p : context.partiesAround(f, from, to, sentence)) {
			if (parties.stream().noneMatch(q -> q.primary().id().equals(p.primary().id()))) {
				parties.add(p);
			}
		}
		Set<String> kinds = new LinkedHashSet<>(words.kinds());
		implied(parties, items, kinds);
		return new Transaction(evidence(f, sentence, from, to, words), kinds, words.stage(), parties, items, used);
	}

	/**
	 * What the article is about, as its title and lead tell it. A deal the lead reports makes the deals of other
	 * systems told later in the article background ("Egypt orders Rafales ... Egypt has also bought MiG-29s");
	 * a lead that denies a deal ("never exported weapons to Russia, calling the reports a rumour") makes the
	 * claims repeated later part of the denial.
	 */
	private static List<Transaction> news(List<Transaction> transactions, List<Judgement> judgements,
			ResolvedField title, ResolvedField body, Context context) {
		if (transactions.isEmpty()) {
			return transactions;
		}
		if (!context.deniedTalks.isEmpty()) {
			transactions = transactions.stream()
				.filter(t -> !t.stage().equals("negotiation") || (!context.deniedTalks.contains(ANY_SYSTEM)
						&& t.items().stream().noneMatch(i -> context.deniedTalks.contains(i.entry().id()))))
				.toList();
		}
		int lead = context.lead();
		Span leadSentence = (lead < body.sentences.size()) ? body.sentenceSpan(lead) : null;
		Set<String> leadSystems = new java.util.HashSet<>();
		Set<String> leadOrigins = new java.util.HashSet<>();
		boolean leadReports = false;
		for (Transaction t : transactions) {
			if (inLead(t.sentence(), leadSentence)) {
				leadReports = true;
				for (Item i : t.items()) {
					if (!i.generic() && !i.fromContext()) {
						leadSystems.add(i.entry().id());
						if (i.origin() != null) {
							leadOrigins.add(i.origin());
						}
					}
				}
			}
		}
		boolean leadDenies = !leadReports && judgements.stream()
			.anyMatch(j -> j.verdict().equals("denied") && inLead(j.word(), leadSentence));
		if (!leadDenies && leadSystems.isEmpty()) {
			return transactions;
		}
		Set<String> leadNames = new java.util.HashSet<>();
		if (leadDenies) {
			for (ResolvedField f : List.of(title, body)) {
				for (Mention m : f.mentions) {
					if (inLead(f.span(m), leadSentence) && m.hits().get(0).entry().kind() != Kind.CUE) {
						leadNames.add(m.hits().get(0).entry().id());
						String category = m.hits().get(0).entry().category();
						leadNames.add("category:" + category);
					}
				}
			}
		}
		List<Transaction> out = new ArrayList<>(transactions.size());
		for (Transaction t : transactions) {
			if (inLead(t.sentence(), leadSentence)) {
				out.add(t);
				continue;
			}
			if (leadDenies) {
				boolean repeats = t.items().stream()
					.anyMatch(i -> leadNames.contains(i.entry().id()) || leadNames.contains("category:" + i.entry().category()))
						|| t.parties().stream().anyMatch(p -> p.role() != Role.CONTEXT && leadNames.contains(p.primary().id()));
				if (!repeats) {
					out.add(t);
				}
				continue;
			}
			// another system of the lead's origin is another deal of the same story ("the Su-35s Russia offers too")
			List<Item> systems = t.items().stream().filter(i -> !i.generic() && !i.fromContext()).toList();
			if (systems.isEmpty() || systems.stream()
				.anyMatch(i -> leadSystems.contains(i.entry().id()) || leadOrigins.contains(i.origin()))) {
				out.add(t);
			}
		}
		return out;
	}

	private static boolean inLead(Span span, @Nullable Span leadSentence) {
		return span.field().equals("title") || (leadSentence != null && span.field().equals("body")
				&& span.start() >= leadSentence.start() && span.end() <= leadSentence.end());
	}

	private static boolean nameInReach(ResolvedField f, int from, int to) {
		boolean transaction = false;
		boolean name = false;
		for (int t = from; t < to; t++) {
			int m = f.mentionAt[t];
			if (m >= 0) {
				Entry e = f.mentions.get(m).hits().get(0).entry();
				if (e.kind() != Kind.CUE) {
					name = true;
				}
				else if (CueClass.TRANSACTION.label().equals(e.category())) {
					transaction = true;
				}
			}
		}
		if (!transaction || name) {
			return transaction;
		}
		int sentence = f.sentenceOf[from];
		for (int t = from - 1; t >= 0 && f.sentenceOf[t] >= sentence - 1; t--) {
			int m = f.mentionAt[t];
			if (m >= 0 && f.mentions.get(m).hits().get(0).entry().kind().isItem()
					&& f.paragraphOf(f.sentenceOf[t]) == f.paragraphOf(sentence)) {
				return true;
			}
		}
		return false;
	}

	/** A deal told as history or description: who sold it and what, to lend to the report of the same deal. */
	private record Echo(Span sentence, List<Party> parties, Set<String> systems) {
	}

	private Echo echo(ResolvedField f, ClauseReading words, int sentence) {
		List<Party> parties = new ArrayList<>();
		Set<String> systems = new java.util.HashSet<>();
		for (int m : words.mentionIndexes()) {
			Mention mention = f.mentions.get(m);
			Entry primary = mention.hits().get(0).entry();
			if (primary.kind() == Kind.SYSTEM || primary.kind() == Kind.PIPELINE) {
				systems.add(primary.id());
			}
			Role role = words.roleOf(m);
			if (primary.kind().isParty() && role != null && role != Role.OTHER) {
				parties.add(new Party(entries(mention), role, f.span(mention), null));
			}
		}
		return new Echo(f.sentenceSpan(sentence), parties, systems);
	}

	/**
	 * The report of a deal takes the seller, partner or agent that the article names where it tells the same
	 * deal's history: "Russia will complete the deliveries to India ... The contract was signed by
	 * Rosoboronexport in 2018" is a deal with Rosoboronexport. The same deal is the same system, and no other
	 * buyer.
	 */
	private static List<Transaction> withHistory(List<Transaction> transactions, List<Echo> echoes) {
		if (echoes.isEmpty()) {
			return transactions;
		}
		List<Transaction> out = new ArrayList<>(transactions.size());
		for (Transaction t : transactions) {
			Set<String> systems = new java.util.HashSet<>();
			Set<String> countries = new java.util.HashSet<>();
			for (Item i : t.items()) {
				systems.add(i.entry().id());
			}
			for (Party p : t.parties()) {
				if (p.country() != null && !"RU".equals(p.country())) {
					countries.add(p.country());
				}
			}
			List<Party> parties = new ArrayList<>(t.parties());
			List<Span> context = new ArrayList<>(t.context());
			boolean otherSeller = t.parties().stream()
				.anyMatch(p -> p.role() == Role.SELLER && p.country() != null && !"RU".equals(p.country()));
			for (Echo e : otherSeller ? List.<Echo>of() : echoes) {
				// the same system, or no system and the same buyer ("the contract was signed by Rosoboronexport and
				// India's defence ministry")
				boolean same = e.systems().isEmpty()
						? e.parties().stream().anyMatch(p -> p.country() != null && countries.contains(p.country()))
						: e.systems().stream().anyMatch(systems::contains);
				if (!same || e.sentence().equals(t.sentence())) {
					continue;
				}
				boolean otherBuyer = e.parties().stream().anyMatch(p -> (p.role() == Role.BUYER
						|| (p.role() == Role.PARTNER && p.primary().kind() == Kind.COUNTRY)) && p.country() != null
						&& !"RU".equals(p.country()) && !countries.isEmpty() && !countries.contains(p.country()));
				if (otherBuyer) {
					continue;
				}
				boolean added = false;
				for (Party p : e.parties()) {
					boolean sellerSide = p.role() == Role.SELLER || (p.role() == Role.PARTNER
							&& (p.primary().kind() != Kind.COUNTRY || "RU".equals(p.country())));
					if (sellerSide && parties.stream().noneMatch(q -> q.primary().id().equals(p.primary().id()))) {
						parties.add(p);
						added = true;
					}
				}
				if (added && !context.contains(e.sentence())) {
					context.add(e.sentence());
				}
			}
			out.add((parties.size() == t.parties().size()) ? t
					: new Transaction(t.sentence(), t.kinds(), t.stage(), parties, t.items(), context));
		}
		return out;
	}

	private static final int LONGEST_EVIDENCE = 1000;

	private static final int MAX_JUDGEMENTS = 200;

	private static final int MAX_ECHOES = 50;

	// The reporting sentence; for a run-on "sentence" of thousands of characters, the part around the deal
	private static Span evidence(ResolvedField f, int sentence, int from, int to, ClauseReading words) {
		Span whole = f.sentenceSpan(sentence);
		if (whole.end() - whole.start() <= LONGEST_EVIDENCE) {
			return whole;
		}
		int anchor = f.tokens.start(words.reporting().get(0).firstToken());
		int start = Math.max(f.tokens.start(from), anchor - LONGEST_EVIDENCE / 2);
		int end = Math.min(f.tokens.end(to - 1), start + LONGEST_EVIDENCE);
		return new Span(f.field, start, end, f.text.substring(start, end));
	}

	/**
	 * The system a generic noun refers back to: "the fighters" after "Su-35", in the same field before it, or in
	 * the title. Its origin must not contradict the noun's ("Russian fighters" are no Rafales).
	 */
	private @Nullable Item referent(ResolvedField f, Mention generic, Entry goods, @Nullable String origin,
			Context context) {
		String standsFor = goods.attribute("stands-for");
		if (standsFor == null) {
			return null;
		}
		List<String> categories = List.of(standsFor.split(","));
		for (ResolvedField field : (f == context.body) ? List.of(f, context.title) : List.of(f)) {
			int from = (field == f) ? f.mentions.indexOf(generic) - 1 : field.mentions.size() - 1;
			for (int m = from; m >= 0; m--) {
				Entry e = field.mentions.get(m).hits().get(0).entry();
				if (e.kind() != Kind.SYSTEM || !categories.contains(e.category())) {
					continue;
				}
				String systemOrigin = e.attribute("origin");
				if (origin != null && systemOrigin != null && !origin.equals(systemOrigin)) {
					return null;
				}
				return new Item(e, f.span(generic), (systemOrigin != null) ? systemOrigin : e.country(), false);
			}
		}
		return null;
	}

	private @Nullable Entry pipelineOf(Entry party) {
		String id = party.attribute("pipeline");
		return (id != null) ? this.reference.entry("pipeline:" + id) : null;
	}

	/**
	 * Buying a Russian weapon system is a transaction with its state exporter, named or not; unless the text
	 * names another seller (a Soviet-built jet passed on by a third country has no Russian seller).
	 */
	private void implied(List<Party> parties, List<Item> items, Set<String> kinds) {
		if (kinds.stream().noneMatch(EXPLICIT_TRADE::contains)) {
			return;
		}
		// a joint venture sells for its partners too: BrahMos Aerospace's exports are NPO Mashinostroyeniya's
		for (Party p : List.copyOf(parties)) {
			String partners = p.primary().attribute("partners");
			if (partners == null || (p.role() != Role.SELLER && p.role() != Role.PARTNER)) {
				continue;
			}
			for (String id : partners.split(",")) {
				Entry partner = this.reference.entry(id);
				if (partner != null && parties.stream().noneMatch(q -> q.primary().id().equals(id))) {
					parties.add(new Party(List.of(partner), Role.IMPLIED, null,
							"partner in the joint venture " + p.primary().name()));
				}
			}
		}
		boolean foreignBuyer = parties.stream()
			.anyMatch(p -> (p.role() == Role.BUYER || p.role() == Role.PARTNER) && !"RU".equals(p.country()));
		boolean otherSeller = parties.stream().anyMatch(p -> p.role() == Role.SELLER && !"RU".equals(p.country()));
		if (!foreignBuyer || otherSeller) {
			return;
		}
		for (Item item : items) {
			String exporterId = item.entry().attribute("exporter");
			if (item.fromContext() || item.entry().kind() != Kind.SYSTEM || !"RU".equals(item.origin())
					|| exporterId == null) {
				continue;
			}
			Entry exporter = this.reference.entry(exporterId);
			if (exporter != null && parties.stream().noneMatch(p -> p.primary().id().equals(exporterId))) {
				parties.add(new Party(List.of(exporter), Role.IMPLIED, null,
						"state exporter of " + item.entry().name()));
			}
		}
	}

	private @Nullable String originOf(ResolvedField f, Mention mention, Entry item) {
		int before = mention.firstToken() - 1;
		if (before >= 0 && f.mentionAt[before] >= 0) {
			Mention q = f.mentions.get(f.mentionAt[before]);
			for (Mention.Hit hit : q.hits()) {
				if (hit.form() == NameForm.DEMONYM) {
					return hit.entry().country();
				}
			}
		}
		String origin = item.attribute("origin");
		return (origin != null) ? origin : item.country();
	}

	static List<Entry> entries(Mention m) {
		List<Entry> out = new ArrayList<>();
		for (Mention.Hit hit : m.hits()) {
			if (out.stream().noneMatch(e -> e.id().equals(hit.entry().id()))) {
				out.add(hit.entry());
			}
		}
		// the curated reference entry leads; list records follow it
		out.sort((a, b) -> Boolean.compare(!a.id().startsWith("ref:"), !b.id().startsWith("ref:")));
		return out;
	}

	/** Parties and items from outside the reporting clause. */
	private static final class Context {

		/** A sentence shorter than this is a dateline ("МОСКВА, 12 марта. /ТАСС/."), not the lead. */
		private static final int SHORTEST_LEAD = 6;

		final ResolvedField title;

		final ResolvedField body;

		private final ClauseReader reader;

		private final Map<ResolvedField, Map<Integer, List<Occurrence>>> occurrences = new java.util.IdentityHashMap<>();

		private int lead = -1;

		private final List<Echo> echoes = new ArrayList<>();

		/** Systems the article says are in no talks: an offer or talks on them elsewhere are no deal. */
		final Set<String> deniedTalks = new java.util.HashSet<>();

		void echo(Echo e) {
			if (this.echoes.size() < MAX_ECHOES) {
				this.echoes.add(e);
			}
		}

		Context(ResolvedField title, ResolvedField body, ClauseReader reader) {
			this.title = title;
			this.body = body;
			this.reader = reader;
		}

		// A relative clause inherits its antecedent (the nearest item before it); a sentence that names no item
		// inherits the items of the previous sentence in the paragraph ("The boats will be built ...").
		List<Item> itemsBefore(ResolvedField f, int clauseStart, int sentence, List<Span> used) {
			List<Item> items = new ArrayList<>();
			int previous = -1;
			for (int t = clauseStart - 1; t >= 0; t--) {
				int s = f.sentenceOf[t];
				if (s < sentence - 1 || f.paragraphOf(s) != f.paragraphOf(sentence)) {
					break;
				}
				if (s < sentence && previous < 0) {
					if (!items.isEmpty()) {
						break;
					}
					previous = s;
				}
				int m = f.mentionAt[t];
				if (m < 0 || f.mentions.get(m).firstToken() != t) {
					continue;
				}
				Mention mention = f.mentions.get(m);
				Entry e = mention.hits().get(0).entry();
				if (!e.kind().isItem()) {
					continue;
				}
				items.add(new Item(e, f.span(mention), null, true));
				if (s == sentence) {
					break;
				}
				Span used0 = f.sentenceSpan(s);
				if (!used.contains(used0)) {
					used.add(used0);
				}
			}
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				String origin = item.entry().attribute("origin");
				items.set(i, new Item(item.entry(), item.mention(), (origin != null) ? origin : item.entry().country(),
						true));
			}
			return items;
		}

		/**
		 * Parties named before the clause in its paragraph, in the lead sentence, or in the title. Each
		 * party counts once per paragraph, from its first mention, so this stays linear in the article.
		 */
		List<Party> partiesAround(ResolvedField f, int from, int to, int sentence) {
			Map<String, Party> parties = new LinkedHashMap<>();
			int paragraph = f.paragraphOf(sentence);
			for (Occurrence o : occurrences(f).getOrDefault(paragraph, List.of())) {
				if (o.sentence() <= sentence && (o.token() < from || o.token() >= to)) {
					parties.putIfAbsent(o.party().primary().id(), o.party());
				}
			}
			if (f == this.body) {
				int lead = lead();
				if (lead >= 0 && lead != sentence) {
					for (Occurrence o : occurrences(f).getOrDefault(f.paragraphOf(lead), List.of())) {
						if (o.sentence() == lead) {
							parties.putIfAbsent(o.party().primary().id(), o.party());
						}
					}
				}
			}
			if (f != this.title) {
				occurrences(this.title).values()
					.forEach(list -> list.forEach(o -> parties.putIfAbsent(o.party().primary().id(), o.party())));
			}
			return new ArrayList<>(parties.values());
		}

		// the first sentence of the body long enough to be news, past a dateline
		int lead() {
			if (this.lead < 0) {
				this.lead = 0;
				for (int s = 0; s < this.body.sentences.size(); s++) {
					int tokens = 0;
					for (int t = 0; t < this.body.tokens.size(); t++) {
						if (this.body.sentenceOf[t] == s) {
							tokens++;
						}
						else if (this.body.sentenceOf[t] > s) {
							break;
						}
					}
					if (tokens >= SHORTEST_LEAD) {
						this.lead = s;
						break;
					}
				}
			}
			return this.lead;
		}

		private Map<Integer, List<Occurrence>> occurrences(ResolvedField f) {
			return this.occurrences.computeIfAbsent(f, this::firstMentions);
		}

		private Map<Integer, List<Occurrence>> firstMentions(ResolvedField f) {
			Map<Integer, Map<String, Occurrence>> byParagraph = new LinkedHashMap<>();
			for (Mention mention : f.mentions) {
				Mention.Hit hit = mention.hits().get(0);
				if (!hit.entry().kind().isParty() || !this.reader.actsAsParty(f, mention)
						|| this.reader.inPlacePhrase(f, mention)) {
					continue;
				}
				int sentence = f.sentenceOf[mention.firstToken()];
				byParagraph.computeIfAbsent(f.paragraphOf(sentence), k -> new LinkedHashMap<>())
					.putIfAbsent(hit.entry().id(), new Occurrence(mention.firstToken(), sentence,
							new Party(entries(mention), Role.CONTEXT, f.span(mention), null)));
			}
			Map<Integer, List<Occurrence>> out = new LinkedHashMap<>();
			byParagraph.forEach((paragraph, first) -> out.put(paragraph, List.copyOf(first.values())));
			return out;
		}

	}

	private record Occurrence(int token, int sentence, Party party) {
	}

}
