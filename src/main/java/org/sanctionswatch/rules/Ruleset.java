package org.sanctionswatch.rules;

import java.util.List;

/** The rules in force, all packs together, and the version that alerts carry. */
public record Ruleset(List<Rule> rules, List<String> packs, String version) {

	public Ruleset {
		rules = List.copyOf(rules);
		packs = List.copyOf(packs);
	}

}
