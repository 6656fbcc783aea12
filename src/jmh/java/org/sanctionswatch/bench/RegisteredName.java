package org.sanctionswatch.bench;

import java.util.ArrayList;
import java.util.List;

import org.sanctionswatch.gazetteer.Gazetteer;

/** One name as the gazetteer holds it: entry, form and folded tokens. */
record RegisteredName(String entryId, String form, String folded) {

	/** Transaction words and markers are vocabulary, not names: Lucene Monitor gets only names. */
	boolean isName() {
		return !this.entryId.startsWith("cue:");
	}

	List<String> tokens() {
		return List.of(this.folded.split(" "));
	}

	static List<RegisteredName> of(Gazetteer.Builder builder) {
		List<RegisteredName> names = new ArrayList<>();
		for (String key : builder.registeredNames()) {
			String[] parts = key.split("\u0000", 3);
			names.add(new RegisteredName(parts[0], parts[1], parts[2]));
		}
		return names;
	}

}
