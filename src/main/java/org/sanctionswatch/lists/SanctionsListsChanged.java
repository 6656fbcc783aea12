package org.sanctionswatch.lists;

import java.util.List;

/**
 * Published once per refresh in which at least one source yielded a new version. Carries every list
 * currently loaded, so that a listener can rebuild its index from the event alone.
 */
public record SanctionsListsChanged(List<SanctionsList> lists) {

	public SanctionsListsChanged {
		lists = List.copyOf(lists);
	}

}
