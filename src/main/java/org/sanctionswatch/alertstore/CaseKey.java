package org.sanctionswatch.alertstore;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sanctionswatch.alert.AlertRaised;

/**
 * What makes two alerts the same matter: the rule, the exposed parties, the counterparties and the systems, each
 * by the reference-data entry behind it (so that "Ankara" and "Turkey" agree). The case id is derived from that
 * key, so every replica puts an alert into the same case without asking the others.
 */
record CaseKey(String ruleId, List<String> exposed, List<String> counterparties, List<String> systems) {

	static CaseKey of(AlertRaised alert) {
		return new CaseKey(alert.ruleId(), ids(alert.exposedParties(), AlertRaised.Party::entryId),
				ids(alert.counterparties(), AlertRaised.Party::entryId), ids(alert.systems(), AlertRaised.Item::entryId));
	}

	String caseId() {
		String key = this.ruleId + "|" + String.join(",", this.exposed) + "|" + String.join(",", this.counterparties)
				+ "|" + String.join(",", this.systems);
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static <T> List<String> ids(List<T> values, Function<T, String> id) {
		return values.stream().map(id).filter(Objects::nonNull).distinct().sorted().toList();
	}

	static String names(List<AlertRaised.Party> parties) {
		return parties.stream().map(AlertRaised.Party::name).distinct().collect(Collectors.joining(", "));
	}

	static String systemNames(List<AlertRaised.Item> items) {
		return items.stream().map(AlertRaised.Item::name).distinct().collect(Collectors.joining(", "));
	}

	static List<String> countries(AlertRaised alert) {
		return alert.exposedParties()
			.stream()
			.map(AlertRaised.Party::country)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

}
