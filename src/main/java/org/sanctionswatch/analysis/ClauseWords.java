package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.reference.CueClass;
import org.sanctionswatch.reference.Lexicon;

/** The transaction words of one clause, each judged: does it report a deal, or only mention one? */
final class ClauseWords {

	private static final int BACKGROUND_REACH = 4;

	private static final int NEGATION_REACH = 3;

	private static final int CONSEQUENCE_REACH = 8;

	private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");

	record Trigger(int firstToken, int endToken, String kind, String direction, String stage, boolean reporting) {
	}

	private final List<Trigger> triggers;

	private final List<Trigger> reporting;

	private final List<Integer> mentionIndexes;

	private final boolean negotiation;

	private final ResolvedField field;

	private ClauseWords(List<Trigger> triggers, List<Integer> mentionIndexes, boolean negotiation,
			ResolvedField field) {
		this.triggers = triggers;
		List<Trigger> reporting = new ArrayList<>(triggers.size());
		for (Trigger t : triggers) {
			if (t.reporting()) {
				reporting.add(t);
			}
		}
		this.reporting = List.copyOf(reporting);
		this.mentionIndexes = mentionIndexes;
		this.negotiation = negotiation;
		this.field = field;
	}

	static ClauseWords of(ResolvedField f, int from, int to, Lexicon lexicon) {
		List<Integer> mentions = new ArrayList<>();
		// the class of the cue ending at each token of the clause, so that every look-around is bounded
		CueClass[] endsAt = new CueClass[to - from];
		List<Integer> transactionCues = new ArrayList<>();
		boolean operational = false;
		boolean negotiation = false;
		boolean consequenceAhead = false;
		for (int t = from; t < to; t++) {
			int m = f.mentionAt[t];
			if (m < 0 || f.mentions.get(m).firstToken() != t) {
				continue;
			}
			Mention mention = f.mentions.get(m);
			Entry e = mention.hits().get(0).entry();
			if (e.kind() != Kind.CUE) {
				mentions.add(m);
				continue;
			}
			CueClass cls = CueClass.of(e.category());
			operational |= cls == CueClass.OPERATIONAL;
			negotiation |= cls == CueClass.NEGOTIATION;
			endsAt[Math.min(mention.endToken(), to) - 1 - from] = cls;
			if (cls == CueClass.TRANSACTION) {
				transactionCues.add(m);
			}
		}
		if (transactionCues.isEmpty()) {
			// no transaction word, nothing to judge: most clauses end here
			return new ClauseWords(List.of(), mentions, negotiation, f);
		}
		// "the S-400 deal between Russia and Turkey has strained ties": a consequence soon after the deal word,
		// with no comma between, makes the deal the cause being told, not the news
		int[] nextConsequence = new int[to - from + 1];
		nextConsequence[to - from] = Integer.MAX_VALUE;
		for (int t = to - 1; t >= from; t--) {
			boolean comma = t + 1 < to && f.tokens.gapContains(t + 1, ',');
			nextConsequence[t - from] = (endsAt[t - from] == CueClass.CONSEQUENCE) ? t
					: comma ? Integer.MAX_VALUE : nextConsequence[t + 1 - from];
		}
		boolean dated = !transactionCues.isEmpty() && datedRelativeClause(f, from, to, lexicon);
		List<Trigger> triggers = new ArrayList<>(transactionCues.size());
		boolean refused = false;
		int scanned = from;
		for (int m : transactionCues) {
			Mention mention = f.mentions.get(m);
			int first = mention.firstToken();
			for (; scanned < first; scanned++) {
				refused |= endsAt[scanned - from] == CueClass.REFUSAL;
			}
			Entry cue = mention.hits().get(0).entry();
			boolean participle = mention.hits().stream().anyMatch(h -> h.form() == NameForm.PARTICIPLE);
			boolean pastForm = participle || f.tokens.token(mention.endToken() - 1).endsWith("ed");
			boolean attributive = participle && !predicate(f, first, from, lexicon);
			boolean background = endsWithin(endsAt, from, first, BACKGROUND_REACH, CueClass.BACKGROUND)
					|| pastPerfect(f, first, from) || (pastForm && dated)
					|| nextConsequence[Math.min(mention.endToken(), to) - from] - mention.endToken() < CONSEQUENCE_REACH;
			boolean negated = refused || endsWithin(endsAt, from, first, NEGATION_REACH, CueClass.NEGATION);
			boolean reporting = !attributive && !background && !negated && !(operational && pastForm);
			String kind = cue.attribute("kind");
			negotiation |= reporting && "negotiation".equals(kind);
			triggers.add(new Trigger(first, mention.endToken(), kind, cue.attribute("direction"),
					cue.attribute("stage"), reporting));
		}
		return new ClauseWords(triggers, mentions, negotiation, f);
	}

	// a cue of the wanted class ending within the last few tokens before the transaction word
	private static boolean endsWithin(CueClass[] endsAt, int from, int trigger, int reach, CueClass wanted) {
		for (int t = trigger - 1; t >= Math.max(from, trigger - reach); t--) {
			if (endsAt[t - from] == wanted) {
				return true;
			}
		}
		return false;
	}

	// "which Serbia bought", "has acquired", "it ordered": the participle is the clause's verb
	private static boolean predicate(ResolvedField f, int trigger, int clauseStart, Lexicon lexicon) {
		int t = trigger - 1;
		while (t >= clauseStart && f.mentionAt[t] < 0 && f.tokens.token(t).endsWith("ly")) {
			t--;
		}
		if (t < clauseStart) {
			return false;
		}
		String word = f.tokens.token(t);
		if (lexicon.auxiliaries().contains(word) || lexicon.pronouns().contains(word)) {
			return true;
		}
		int m = f.mentionAt[t];
		return m >= 0 && f.mentions.get(m).hits().get(0).entry().kind().isParty();
	}

	// "which had bought": told from a later point in time, as history
	private static boolean pastPerfect(ResolvedField f, int trigger, int clauseStart) {
		int t = trigger - 1;
		while (t >= clauseStart && f.tokens.token(t).endsWith("ly")) {
			t--;
		}
		return t >= clauseStart && f.tokens.token(t).equals("had");
	}

	// "..., which Turkey bought from Russia in 2017": a dated aside about an earlier deal
	private static boolean datedRelativeClause(ResolvedField f, int from, int to, Lexicon lexicon) {
		if (!lexicon.clauseOpeners().contains(f.tokens.token(from))) {
			return false;
		}
		for (int t = from; t < to; t++) {
			String word = f.tokens.token(t);
			if (word.length() == 4 && (word.startsWith("19") || word.startsWith("20")) && word.chars().allMatch(Character::isDigit)) {
				return true;
			}
		}
		return false;
	}

	List<Trigger> reporting() {
		return this.reporting;
	}

	List<Integer> mentionIndexes() {
		return this.mentionIndexes;
	}

	Set<String> kinds() {
		Set<String> kinds = new LinkedHashSet<>();
		reporting().forEach(t -> kinds.add(t.kind()));
		return kinds;
	}

	String stage() {
		if (this.negotiation) {
			return "negotiation";
		}
		return reporting().stream().anyMatch(t -> "delivery".equals(t.stage())) ? "delivery" : "agreed";
	}

	/** The transaction word a party relates to: the next one after it, else the last one before it. */
	@Nullable Trigger nearest(Mention party) {
		int lo = 0;
		int hi = this.triggers.size();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.triggers.get(mid).firstToken() >= party.endToken()) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		if (lo < this.triggers.size()) {
			return this.triggers.get(lo);
		}
		return this.triggers.isEmpty() ? null : this.triggers.get(this.triggers.size() - 1);
	}

	/** "were supplied", "is being financed": the subject receives the action. */
	boolean passiveBefore(Trigger trigger) {
		String verb = this.field.tokens.token(trigger.endToken() - 1);
		if (!verb.endsWith("ed") && !verb.endsWith("en") && !verb.endsWith("t")) {
			return false;
		}
		int t = trigger.firstToken() - 1;
		while (t >= 0 && this.field.tokens.token(t).endsWith("ly")) {
			t--;
		}
		return t >= 0 && BE.contains(this.field.tokens.token(t));
	}

}
