package org.sanctionswatch.screening;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Alert ids derived from what the alert is about, so that screening the same article again, on any
 * replica, after any crash, yields the same id and downstream can deduplicate.
 */
final class AlertIds {

	private AlertIds() {
	}

	static String of(String articleId, String ruleId, String ruleVersion) {
		String name = "sanctions-watch\u0000" + articleId + "\u0000" + ruleId + "\u0000" + ruleVersion;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
