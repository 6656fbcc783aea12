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
import org.sanctionswatch.reference.Lexicon;
import org.sanctionswatch.reference.ReferenceData;

/**
 * Finds the transactions an article reports. A clause reports a deal when it holds a transaction word that
 * is neither background ("after Ankara bought"), negated ("declined to comment on contracts"), descriptive
 * ("systems bought in 2017") nor part of an operational story ("test-fired the S-400 it bought"). Parties
 * get roles from the words around them; a party or item the clause leaves out is taken from the rest of the
 * paragraph, the title or the lead.
 */
public final class ArticleAnalyzer {

	private static final Set<String> EXPLICIT_TRADE = Set.of("purchase", "sale", "delivery", "contract",
			"joint-production", "technology-transfer", "lease", "maintenance", "negotiation", "production");

	private final ReferenceData reference;

	private final Lexicon lexicon;

	public ArticleAnalyzer(ReferenceData reference) {
		this.reference = reference;
		this.lexicon = reference.lexicon();
	}

	public ArticleAnalysis analyze(@Nullable String title, String body, Gazetteer gazetteer) {
		ResolvedField titleField = ResolvedField.resolve("title", (title != null) ? title : "", gazetteer, this.lexicon);
		ResolvedField bodyField = ResolvedField.resolve("body", body, gazetteer, this.lexicon);
		List<Transaction> transactions = new ArrayList<>();
		Context context = new Context(titleField, bodyField);
		read(titleField, context, transactions);
		read(bodyField, context, transactions);
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
		return new ArticleAnalysis(transactions, names, sentences, paragraphs);
	}

	private void read(ResolvedField f, Context context, List<Transaction> out) {
		int t = 0;
		while (t < f.tokens.size()) {
			int clause = f.clauseOf[t];
			int end = t;
			while (end < f.tokens.size() && f.clauseOf[end] == clause) {
				end++;
			}
			Transaction transaction = readClause(f, t, end, context);
			if (transaction != null) {
				out.add(transaction);
			}
			t = end;
		}
	}

	private @Nullable Transaction readClause(ResolvedField f, int from, int to, Context context) {
		ClauseWords words = ClauseWords.of(f, from, to, this.lexicon);
		if (words.reporting().isEmpty()) {
			return null;
		}
		int sentence = f.sentenceOf[from];
		List<Party> parties = new ArrayList<>();
		Map<Integer, Role> roleByMentionEnd = new LinkedHashMap<>();
		List<Item> items = new ArrayList<>();
		// one party per entity and role, one item per entry: a text that repeats a name a thousand times
		// reports the same deal, and stays linear to analyse
		Set<String> seen = new java.util.HashSet<>();
		for (int m : words.mentionIndexes()) {
			Mention mention = f.mentions.get(m);
			Entry primary = mention.hits().get(0).entry();
			if (primary.kind().isItem()) {
				if (seen.add(primary.id())) {
					items.add(new Item(primary, f.span(mention), originOf(f, mention, primary), false));
				}
			}
			else if (primary.kind().isParty()) {
				Role role = roleOf(f, mention, words, roleByMentionEnd);
				if (role == null) {
					continue;
				}
				roleByMentionEnd.put(mention.endToken(), role);
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

	private static final int LONGEST_EVIDENCE = 1000;

	// The reporting sentence; for a run-on "sentence" of thousands of characters, the part around the deal
	private static Span evidence(ResolvedField f, int sentence, int from, int to, ClauseWords words) {
		Span whole = f.sentenceSpan(sentence);
		if (whole.end() - whole.start() <= LONGEST_EVIDENCE) {
			return whole;
		}
		int anchor = f.tokens.start(words.reporting().get(0).firstToken());
		int start = Math.max(f.tokens.start(from), anchor - LONGEST_EVIDENCE / 2);
		int end = Math.min(f.tokens.end(to - 1), start + LONGEST_EVIDENCE);
		return new Span(f.field, start, end, f.text.substring(start, end));
	}

	private @Nullable Entry pipelineOf(Entry party) {
		String id = party.attribute("pipeline");
		return (id != null) ? this.reference.entry("pipeline:" + id) : null;
	}

	// Buying a Russian weapon system is a transaction with its state exporter, named or not.
	private void implied(List<Party> parties, List<Item> items, Set<String> kinds) {
		if (kinds.stream().noneMatch(EXPLICIT_TRADE::contains)) {
			return;
		}
		boolean foreignBuyer = parties.stream()
			.anyMatch(p -> (p.role() == Role.BUYER || p.role() == Role.PARTNER) && !"RU".equals(p.country()));
		if (!foreignBuyer) {
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

	/** The role of a party mention in its clause; {@code null} when the mention is not a party there. */
	private @Nullable Role roleOf(ResolvedField f, Mention mention, ClauseWords words, Map<Integer, Role> roles) {
		Mention.Hit first = mention.hits().get(0);
		if (first.form() == NameForm.PLACE || capitalInAName(f, mention)) {
			return null;
		}
		if (first.form() == NameForm.DEMONYM && !demonymIsActor(f, mention)) {
			return null;
		}
		int before = skipDeterminers(f, mention.firstToken() - 1);
		if (before >= 1 && f.tokens.token(before).equals("s") && roles.containsKey(before)) {
			return roles.get(before); // "Russia's Rostec", "Iran's Revolutionary Guard"
		}
		if (before >= 1 && (f.tokens.token(before).equals("and") || f.tokens.token(before).equals("or"))
				&& roles.containsKey(before)) {
			return roles.get(before); // "between Damascus and Moscow"
		}
		ClauseWords.Trigger trigger = words.nearest(mention);
		String prep = (before >= 0 && f.clauseOf[before] == f.clauseOf[mention.firstToken()]) ? f.tokens.token(before)
				: "";
		if (this.lexicon.locationPrepositions().contains(prep) || behindLocation(f, before, mention)) {
			return null;
		}
		if (this.lexicon.sellerPrepositions().contains(prep)) {
			return Role.SELLER;
		}
		if (this.lexicon.recipientPrepositions().contains(prep)) {
			return Role.BUYER;
		}
		if (this.lexicon.partnerPrepositions().contains(prep)) {
			return Role.PARTNER;
		}
		if (trigger == null) {
			return Role.OTHER;
		}
		if (this.lexicon.agentPrepositions().contains(prep)) {
			return byDirection(trigger.direction(), Role.BUYER, Role.SELLER);
		}
		boolean subject = mention.endToken() <= trigger.firstToken();
		if (subject && words.passiveBefore(trigger)) {
			return byDirection(trigger.direction(), Role.SELLER, Role.BUYER);
		}
		return subject ? byDirection(trigger.direction(), Role.BUYER, Role.SELLER)
				: byDirection(trigger.direction(), Role.SELLER, Role.BUYER);
	}

	// "in northeastern Syria", "at the port of Tartus": a place word or two after a location preposition
	private boolean behindLocation(ResolvedField f, int before, Mention mention) {
		for (int t = before - 1; t >= Math.max(0, before - 3); t--) {
			if (f.mentionAt[t] >= 0 || f.clauseOf[t] != f.clauseOf[mention.firstToken()]) {
				return false;
			}
			String word = f.tokens.token(t);
			if (this.lexicon.locationPrepositions().contains(word)) {
				return true;
			}
			if (!this.lexicon.determiners().contains(word) && !word.endsWith("ern") && !word.equals("port")
					&& !word.equals("city") && !word.equals("of") && !word.equals("coast") && !word.equals("waters")) {
				return false;
			}
		}
		return false;
	}

	private static Role byDirection(String direction, Role whenBuy, Role whenSell) {
		return switch (direction) {
			case "buy" -> whenBuy;
			case "sell" -> whenSell;
			default -> Role.PARTNER;
		};
	}

	// "the Stockholm International Peace Research Institute", "the Moscow Times": in running text a capital
	// followed by another capitalised word is part of a name, not the government (titles are often in title
	// case, so only the body is read this way)
	private static boolean capitalInAName(ResolvedField f, Mention mention) {
		if (!"body".equals(f.field) || mention.hits().get(0).form() != NameForm.CAPITAL) {
			return false;
		}
		int next = mention.endToken();
		return next < f.tokens.size() && f.mentionAt[next] < 0 && f.tokens.gapBefore(next).equals(" ")
				&& Character.isUpperCase(f.text.charAt(f.tokens.start(next)));
	}

	// "the Turkish official", "a Qatari investment fund", "Saudi contractor Arkad": the country acts;
	// "Russian wheat", "Russian S-400" name an origin
	private boolean demonymIsActor(ResolvedField f, Mention mention) {
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

	private int skipDeterminers(ResolvedField f, int t) {
		int i = t;
		while (i >= 0 && this.lexicon.determiners().contains(f.tokens.token(i)) && f.mentionAt[i] < 0) {
			i--;
		}
		return i;
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
	private final class Context {

		private final ResolvedField title;

		private final ResolvedField body;

		private final Map<ResolvedField, Map<Integer, List<Occurrence>>> occurrences = new java.util.IdentityHashMap<>();

		Context(ResolvedField title, ResolvedField body) {
			this.title = title;
			this.body = body;
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
				items.add(new Item(e, f.span(mention), originOf(f, mention, e), true));
				if (s == sentence) {
					break;
				}
				Span used0 = f.sentenceSpan(s);
				if (!used.contains(used0)) {
					used.add(used0);
				}
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
			if (f == this.body && paragraph != f.paragraphOf(0)) {
				for (Occurrence o : occurrences(f).getOrDefault(f.paragraphOf(0), List.of())) {
					if (o.sentence() == 0) {
						parties.putIfAbsent(o.party().primary().id(), o.party());
					}
				}
			}
			if (f != this.title) {
				occurrences(this.title).values()
					.forEach(list -> list.forEach(o -> parties.putIfAbsent(o.party().primary().id(), o.party())));
			}
			return new ArrayList<>(parties.values());
		}

		private Map<Integer, List<Occurrence>> occurrences(ResolvedField f) {
			return this.occurrences.computeIfAbsent(f, this::firstMentions);
		}

		private Map<Integer, List<Occurrence>> firstMentions(ResolvedField f) {
			Map<Integer, Map<String, Occurrence>> byParagraph = new LinkedHashMap<>();
			for (Mention mention : f.mentions) {
				Mention.Hit hit = mention.hits().get(0);
				if (!hit.entry().kind().isParty() || hit.form() == NameForm.PLACE || capitalInAName(f, mention)
						|| (hit.form() == NameForm.DEMONYM && !demonymIsActor(f, mention))) {
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
