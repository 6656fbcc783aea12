package org.sanctionswatch.screening;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.lists.SanctionsListsChanged;
import org.sanctionswatch.reference.ReferenceData;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * The gazetteer in force: reference data plus every loaded list. Rebuilt off the hot path when a list
 * changes, then swapped in whole, so an article is always screened against one consistent version.
 */
@Component
class GazetteerHolder implements ApplicationListener<PayloadApplicationEvent<SanctionsListsChanged>> {

	private static final Logger log = LoggerFactory.getLogger(GazetteerHolder.class);

	private final ReferenceData reference;

	private final AtomicReference<Gazetteer> current = new AtomicReference<>();

	GazetteerHolder(ReferenceData reference, SanctionsListRegistry lists) {
		this.reference = reference;
		this.current.set(build(reference, lists.current()));
	}

	Gazetteer current() {
		return this.current.get();
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<SanctionsListsChanged> event) {
		Gazetteer gazetteer = build(this.reference, event.getPayload().lists());
		this.current.set(gazetteer);
		log.info("Gazetteer rebuilt: {} entries, {} names ({})", gazetteer.entries(), gazetteer.names(),
				gazetteer.version());
	}

	static Gazetteer build(ReferenceData reference, List<SanctionsList> lists) {
		Gazetteer.Builder builder = Gazetteer.builder();
		reference.registerInto(builder);
		StringBuilder version = new StringBuilder(reference.version());
		for (SanctionsList list : lists) {
			new ListNames(reference.listNaming()).register(list, builder);
			version.append(list.listId()).append('=').append(list.version(), 0, Math.min(12, list.version().length()))
				.append(';');
		}
		return builder.version(version.toString()).build();
	}

}
