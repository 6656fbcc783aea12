package org.sanctionswatch.lists;

import java.time.Instant;
import java.util.List;

/**
 * One loaded version of a configured list source.
 *
 * @param version hex SHA-256 of the bytes read, so that an unchanged download is recognised as such
 * @param loadedAt when this version was first loaded (a later refresh with the same bytes keeps it)
 */
public record SanctionsList(String sourceId, String listId, String version, Instant loadedAt,
		List<ListEntry> entries) {

	public SanctionsList {
		entries = List.copyOf(entries);
	}

}
