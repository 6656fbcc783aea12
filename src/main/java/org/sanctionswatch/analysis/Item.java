package org.sanctionswatch.analysis;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;

/**
 * What a transaction trades: a named system or pipeline, or generic goods ("missiles", "coal").
 *
 * @param origin ISO code of where the item comes from: the system's designer, or the country of a demonym
 * right before it ("Russian jets"); {@code null} when unknown
 * @param fromContext the item is named in an earlier sentence of the paragraph, not in the reporting one
 */
public record Item(Entry entry, Span mention, @Nullable String origin, boolean fromContext) {

	public boolean generic() {
		return this.entry.kind() == Entry.Kind.GOODS;
	}

}
