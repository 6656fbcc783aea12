package org.sanctionswatch.rules;

import java.util.List;

/** A rule that fired on an article: the transactions (or text units) that satisfied it, and what they bound. */
public record RuleHit(Rule rule, List<Facts> units, Bindings bindings) {

	public RuleHit {
		units = List.copyOf(units);
	}

}
