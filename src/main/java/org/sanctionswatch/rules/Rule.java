package org.sanctionswatch.rules;

import java.util.List;

/**
 * One rule of a pack.
 *
 * @param version a hash of the rule's definition, so that an alert id changes exactly when its rule does
 */
public record Rule(String id, String title, String citation, Severity severity, String version, String pack,
		String file, Scope scope, Condition when, List<Example> fire, List<Example> quiet) {

	public Rule {
		fire = List.copyOf(fire);
		quiet = List.copyOf(quiet);
	}

}
