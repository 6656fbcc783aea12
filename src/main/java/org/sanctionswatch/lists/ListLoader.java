package org.sanctionswatch.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;

/** Turns a configured source into a {@link SanctionsList}: fetch, hash, parse. */
class ListLoader implements SourceLoader {

	private final ListFetcher fetcher;

	private final Clock clock;

	private final OfacSdnCsvParser ofacParser = new OfacSdnCsvParser();

	private final UnConsolidatedXmlParser unParser = new UnConsolidatedXmlParser();

	ListLoader(ListFetcher fetcher, Clock clock) {
		this.fetcher = fetcher;
		this.clock = clock;
	}

	@Override
	public SanctionsList load(Source source) throws IOException {
		MessageDigest digest = sha256();
		return switch (source.format()) {
			case OFAC_SDN_CSV -> {
				byte[] sdn = this.fetcher.fetch(source.location(), OfacSdnCsvParser.SDN_FILE);
				byte[] alt = this.fetcher.fetch(source.location(), OfacSdnCsvParser.ALT_FILE);
				digest.update(sdn);
				digest.update(alt);
				List<ListEntry> entries = this.ofacParser.parse(new ByteArrayInputStream(sdn),
						new ByteArrayInputStream(alt));
				yield list(source, OfacSdnCsvParser.LIST_ID, digest, entries);
			}
			case UN_CONSOLIDATED_XML -> {
				byte[] xml = this.fetcher.fetch(source.location(), null);
				digest.update(xml);
				List<ListEntry> entries = this.unParser.parse(new ByteArrayInputStream(xml), fileName(source.location()));
				yield list(source, UnConsolidatedXmlParser.LIST_ID, digest, entries);
			}
		};
	}

	private SanctionsList list(Source source, String listId, MessageDigest digest, List<ListEntry> entries) {
		return new SanctionsList(source.id(), listId, HexFormat.of().formatHex(digest.digest()), this.clock.instant(),
				entries);
	}

	/** The last path segment, so that messages read like "consolidated.xml line 12: ...". */
	static String fileName(String location) {
		String path = location;
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		while (path.endsWith("/") || path.endsWith("\\")) {
			path = path.substring(0, path.length() - 1);
		}
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		String name = path.substring(slash + 1);
		return name.isEmpty() ? location : name;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform must provide SHA-256", ex);
		}
	}

}
