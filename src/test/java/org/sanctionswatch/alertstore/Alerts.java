package org.sanctionswatch.alertstore;

import java.time.Instant;
import java.util.List;

import org.sanctionswatch.alert.AlertRaised;

/** Alerts built by hand for store tests: small, and different only where a test needs them to be. */
final class Alerts {

	private Alerts() {
	}

	static AlertRaised alert(String alertId, String articleId, String ruleId, String exposedCountry, String counterparty,
			String system, Instant detectedAt) {
		return alert(alertId, articleId, ruleId, "HIGH", exposedCountry, counterparty, system, detectedAt,
				"News about " + system + " for " + exposedCountry);
	}

	static AlertRaised alert(String alertId, String articleId, String ruleId, String severity, String exposedCountry,
			String counterparty, String system, Instant detectedAt, String title) {
		AlertRaised.ListRef list = new AlertRaised.ListRef("section-231", "lsp:" + counterparty, counterparty,
				List.of("CAATSA-RUSSIA"));
		AlertRaised.Span mention = new AlertRaised.Span("body", 0, 6, "Turkey");
		AlertRaised.Party exposed = new AlertRaised.Party(countryName(exposedCountry), "country:" + exposedCountry,
				"country", exposedCountry, "buyer", null, List.of(), List.of(mention));
		AlertRaised.Party seller = new AlertRaised.Party(counterparty, "org:" + counterparty.toLowerCase(), "organization",
				"RU", "seller", null, List.of(list), List.of());
		AlertRaised.Item item = new AlertRaised.Item(system, "system:" + system.toLowerCase(), "air-defense", "RU",
				counterparty, List.of());
		return new AlertRaised(alertId, ruleId, ruleId + " title", "1", "22 U.S.C. 9525", severity, 0.9, "contract",
				articleId, title, "https://example.org/" + articleId, "test", "2019-12-13T14:20:00Z", "en", List.of(exposed),
				List.of(seller), List.of(item), List.of("contract"), List.of(mention), List.of(), List.of(), "rules-1",
				detectedAt.toString());
	}

	private static String countryName(String code) {
		return switch (code) {
			case "TR" -> "Turkey";
			case "IN" -> "India";
			case "VN" -> "Vietnam";
			default -> "Country " + code;
		};
	}

}
