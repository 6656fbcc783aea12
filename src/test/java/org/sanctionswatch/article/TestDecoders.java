package org.sanctionswatch.article;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.sanctionswatch.SanctionsWatchProperties;
import tools.jackson.databind.json.JsonMapper;

/** Decoders built by hand, for tests outside a Spring context (and outside this package: the fuzz tests). */
public final class TestDecoders {

	private TestDecoders() {
	}

	/** With the service's default limits: 1 MiB per value, ids of up to 256 characters. */
	public static ArticleDecoder withDefaultLimits(JsonMapper json) {
		return new ArticleDecoder(json, properties(1 << 20));
	}

	static SanctionsWatchProperties properties(int maxBytes) {
		return new SanctionsWatchProperties(
				new SanctionsWatchProperties.Topics("news.articles", "sanctions.alerts", "news.articles.dlq", 6, (short) 1,
						true),
				new SanctionsWatchProperties.Articles(maxBytes, 256, "en"),
				new SanctionsWatchProperties.Rules(null, Duration.ofSeconds(2), true),
				new SanctionsWatchProperties.Lists(Duration.ofHours(6), List.of()),
				new SanctionsWatchProperties.Alerts(URI.create("urn:sanctions-watch:screening"),
						"org.sanctionswatch.alert.raised.v1", 0));
	}

}
