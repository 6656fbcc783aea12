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

	private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");

	record Trigger(int firstToken, int endToken, String kind, String direction, String stage, boolean reporting) {
	}

	private final List<Trigger> triggers;

	private final List<Integer> mentionIndexes;

	private final boolean negotiation;

	private final ResolvedField field;

	private ClauseWords(List<Trigger> triggers, List<Integer> mentionIndexes, boolean negotiation,
			ResolvedField field) {
		this.triggers = triggers;
		this.mentionIndexes = mentionIndexes;
		this.negotiation = negotiation;
		this.field = field;
	}

	static ClauseWords of(ResolvedField f, int from, int to, Lexicon lexicon) {
		List<Integer> mentions = new ArrayList<>();
		List<int[]> markers = new ArrayList<>();
		List<CueClass> markerClasses = new ArrayList<>();
		boolean operational = false;
		boolean negotiation = false;
		for (int t = from; t < to; t++) {
			int m = f.mentionAt[t];
			if (m < 0 || f.mentions.get(m).firstToken() != t) {
				continue;
			}
			Entry e = f.mentions.get(m).hits().get(0).entry();
			if (e.kind() != Kind.CUE) {
				mentions.add(m);
				continue;
			}
			CueClass cls = CueClass.of(e.category());
			operational |= cls == CueClass.OPERATIONAL;
			negotiation |= cls == CueClass.NEGOTIATION;
			markers.add(new int[] { f.mentions.get(m).firstToken(), f.mentions.get(m).endToken() });
			markerClasses.add(cls);
		}
		List<Trigger> triggers = new ArrayList<>();
		for (int i = 0; i < markers.size(); i++) {
			if (markerClasses.get(i) != CueClass.TRANSACTION) {
				continue;
			}
			int first = markers.get(i)[0];
			Mention mention = f.mentions.get(f.mentionAt[first]);
			Entry cue = mention.hits().get(0).entry();
			boolean participle = mention.hits().stream().anyMatch(h -> h.form() == NameForm.PARTICIPLE);
			boolean pastForm = participle || f.tokens.token(mention.endToken() - 1).endsWith("ed");
			boolean attributive = participle && !predicate(f, first, from, lexicon);
			boolean background = before(markers, markerClasses, CueClass.BACKGROUND, first, BACKGROUND_REACH)
					|| pastPerfect(f, first, from) || (pastForm && datedRelativeClause(f, from, to, lexicon))
					|| after(markers, markerClasses, CueClass.CONSEQUENCE, mention.endToken());
			boolean negated = before(markers, markerClasses, CueClass.NEGATION, first, NEGATION_REACH)
					|| before(markers, markerClasses, CueClass.REFUSAL, first, Integer.MAX_VALUE);
			boolean reporting = !attributive && !background && !negated && !(operational && pastForm);
			String kind = cue.attribute("kind");
			negotiation |= reporting && "negotiation".equals(kind);
			triggers.add(new Trigger(first, mention.endToken(), kind, cue.attribute("direction"),
					cue.attribute("stage"), reporting));
		}
		return new ClauseWords(triggers, mentions, negotiation, f);
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

	private static boolean after(List<int[]> markers, List<CueClass> classes, CueClass wanted, int triggerEnd) {
		for (int i = 0; i < markers.size(); i++) {
			if (classes.get(i) == wanted && markers.get(i)[0] >= triggerEnd) {
				return true;
			}
		}
		return false;
	}

	private static boolean before(List<int[]> markers, List<CueClass> classes, CueClass wanted, int trigger,
			int reach) {
		for (int i = 0; i < markers.size(); i++) {
			if (classes.get(i) == wanted && markers.get(i)[1] <= trigger
					&& (reach == Integer.MAX_VALUE || trigger - markers.get(i)[1] < reach)) {
				return true;
			}
		}
		return false;
	}

	List<Trigger> reporting() {
		return this.triggers.stream().filter(Trigger::reporting).toList();
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
		Trigger left = null;
		for (Trigger t : this.triggers) {
			if (t.firstToken() >= party.endToken()) {
				return t;
			}
			left = t;
		}
		return left;
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
