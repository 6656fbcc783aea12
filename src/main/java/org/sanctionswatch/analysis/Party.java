package org.sanctionswatch.analysis;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;

/**
 * A party to a transaction.
 *
 * @param entries what the mention names: the first is the primary entry, the others are further list
 * entries for the same words (a reference entity and its OFAC record)
 * @param mention where the party is named, {@code null} when implied
 * @param reason why an implied party is there
 */
public record Party(List<Entry> entries, Role role, @Nullable Span mention, @Nullable String reason) {

	public Party {
		entries = List.copyOf(entries);
	}

	public Entry primary() {
		return this.entries.get(0);
	}

	public @Nullable String country() {
		return primary().country();
	}

	public boolean onList(String list) {
		// asked by every party condition of every rule: no set built per question
		for (Entry e : this.entries) {
			for (Entry.ListRef ref : e.lists()) {
				if (ref.list().equals(list)) {
					return true;
				}
			}
		}
		return false;
	}

	public Party withRole(Role newRole) {
		return new Party(this.entries, newRole, this.mention, this.reason);
	}

}
