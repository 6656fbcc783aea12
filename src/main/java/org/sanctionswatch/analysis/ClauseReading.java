package org.sanctionswatch.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What a clause says: its transaction words, each judged, and the role of each party named in it. */
final class ClauseReading {

	/**
	 * A transaction word and the verdict on it.
	 *
	 * @param verdict {@code reports}, or why it does not: {@code negated}, {@code denied}, {@code background},
	 * {@code speculative}, {@code operational}, {@code descriptive}, {@code figure}
	 * @param status a change to a signed deal the clause reports (cancelled, suspended, delayed), or null
	 * @param passive the word is a passive form of its own ("поставляться"): its subject is what is traded
	 */
	record Trigger(int firstToken, int endToken, String kind, String direction, String stage, String verdict,
			@Nullable String status, boolean passive) {

		boolean reporting() {
			return this.verdict.equals("reports");
		}

	}

	private final List<Trigger> triggers;

	private final List<Trigger> reporting;

	private final List<Integer> mentionIndexes;

	private final Map<Integer, Role> roles = new HashMap<>();

	ClauseReading(List<Trigger> triggers, List<Integer> mentionIndexes) {
		this.triggers = List.copyOf(underSanction(triggers));
		List<Trigger> r = new ArrayList<>(triggers.size());
		for (Trigger t : this.triggers) {
			if (t.reporting()) {
				r.add(t);
			}
		}
		this.reporting = List.copyOf(r);
		this.mentionIndexes = List.copyOf(mentionIndexes);
	}

	// "sanctioned Turkey's SSB over its purchase of S-400s": a sanction reports the deal it punishes, however
	// that deal is told in its clause
	private static List<Trigger> underSanction(List<Trigger> triggers) {
		boolean sanction = false;
		for (Trigger t : triggers) {
			sanction |= t.reporting() && t.kind().equals("sanction");
		}
		if (!sanction) {
			return triggers;
		}
		List<Trigger> out = new ArrayList<>(triggers.size());
		for (Trigger t : triggers) {
			boolean told = t.verdict().equals("background") || t.verdict().equals("descriptive");
			out.add(told ? new Trigger(t.firstToken(), t.endToken(), t.kind(), t.direction(), t.stage(), "reports",
					t.status(), t.passive()) : t);
		}
		return out;
	}

	List<Trigger> triggers() {
		return this.triggers;
	}

	List<Trigger> reporting() {
		return this.reporting;
	}

	/** Transaction words that tell a deal as history or description: the same deal may be reported elsewhere. */
	List<Trigger> echoes() {
		List<Trigger> out = new ArrayList<>();
		for (Trigger t : this.triggers) {
			if (t.verdict().equals("background") || t.verdict().equals("descriptive")) {
				out.add(t);
			}
		}
		return out;
	}

	List<Integer> mentionIndexes() {
		return this.mentionIndexes;
	}

	void role(int mention, @Nullable Role role) {
		if (role != null) {
			this.roles.put(mention, role);
		}
	}

	/** The role of a party mention in this clause; {@code null} when it takes no part in the deal. */
	@Nullable Role roleOf(int mention) {
		return this.roles.get(mention);
	}

	Set<String> kinds() {
		Set<String> kinds = new LinkedHashSet<>();
		this.reporting.forEach(t -> kinds.add(t.kind()));
		return kinds;
	}

	String stage() {
		for (Trigger t : this.reporting) {
			if (t.status() != null) {
				return t.status();
			}
		}
		for (Trigger t : this.reporting) {
			if (t.stage().equals("negotiation")) {
				return "negotiation";
			}
		}
		return this.reporting.stream().anyMatch(t -> "delivery".equals(t.stage())) ? "delivery" : "agreed";
	}

	/** The transaction word a party relates to: the next one after it, else the last one before it. */
	@Nullable Trigger nearest(int firstToken, int endToken) {
		Trigger before = null;
		for (Trigger t : this.reporting.isEmpty() ? this.triggers : this.reporting) {
			if (t.firstToken() >= endToken) {
				return t;
			}
			before = t;
		}
		return before;
	}

}
