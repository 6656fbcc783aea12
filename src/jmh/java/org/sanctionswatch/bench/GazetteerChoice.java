package org.sanctionswatch.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.SanctionsWatchProperties.Lists.Format;
import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.lists.SourceStatus;

import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * The two gazetteers of the benchmarks: (a) the bundled reference data alone, (b) the same plus the full OFAC
 * SDN list and the UN consolidated list, loaded by the service's own list registry from the paths given. The
 * lists are never copied into the repository, so (b) stops with a clear message when they are not there.
 */
final class GazetteerChoice {

	/** Where the lists sit relative to a checkout in the team's layout. */
	static final String DEFAULT_OFAC = "../shared/data/ofac-sdn-2021-07";

	static final String DEFAULT_UN = "../shared/data/un-consolidated/consolidated.xml";

	private GazetteerChoice() {
	}

	/** The lists for gazetteer {@code a} (none) or {@code b} (OFAC SDN and UN consolidated). */
	static List<SanctionsList> lists(String gazetteer, String ofac, String un) {
		return switch (gazetteer) {
			case "a" -> List.of();
			case "b" -> load(ofac, un);
			default -> throw new IllegalArgumentException("gazetteer must be 'a' or 'b', not '" + gazetteer + "'");
		};
	}

	/** Fails with the paths to pass when the lists of gazetteer (b) are not where they are said to be. */
	static void checkPresent(String ofac, String un) {
		requirePresent(Path.of(ofac).resolve("sdn.csv"), "the OFAC SDN list (a directory with sdn.csv and alt.csv)");
		requirePresent(Path.of(un), "the UN consolidated list (consolidated.xml)");
	}

	static List<SanctionsList> load(String ofac, String un) {
		checkPresent(ofac, un);
		SanctionsListRegistry registry = new SanctionsListRegistry(properties(ofac, un), event -> {
		}, new SimpleAsyncTaskScheduler());
		registry.refreshNow();
		for (SourceStatus status : registry.status().values()) {
			if (status.state() != SourceStatus.State.LOADED) {
				throw new IllegalStateException("Gazetteer (b): list '" + status.sourceId() + "' did not load: "
						+ status.lastError());
			}
		}
		return registry.current();
	}

	static SanctionsWatchProperties properties(String ofac, String un) {
		List<Source> sources = List.of(new Source("ofac-sdn", Format.OFAC_SDN_CSV, ofac, false),
				new Source("un-consolidated", Format.UN_CONSOLIDATED_XML, un, false));
		return new SanctionsWatchProperties(
				new SanctionsWatchProperties.Topics("news.articles", "sanctions.alerts", "news.articles.dlq", 6,
						(short) 1, true),
				new SanctionsWatchProperties.Articles(1048576, 256, "en"),
				new SanctionsWatchProperties.Rules(null, Duration.ofSeconds(2), true),
				new SanctionsWatchProperties.Lists(Duration.ofHours(6), sources),
				new SanctionsWatchProperties.Alerts(URI.create("urn:sanctions-watch:screening"),
						"org.sanctionswatch.alert.raised.v1", 0));
	}

	private static void requirePresent(Path path, String what) {
		if (!Files.exists(path)) {
			throw new IllegalStateException("Gazetteer (b) needs " + what + " at " + path.toAbsolutePath().normalize()
					+ ", which is absent. Pass the paths of the team's shared data (default " + DEFAULT_OFAC + " and "
					+ DEFAULT_UN + ", relative to the checkout); the lists are never copied into the repository.");
		}
	}

}
