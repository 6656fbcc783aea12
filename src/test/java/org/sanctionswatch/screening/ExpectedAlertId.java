package org.sanctionswatch.screening;

/**
 * The alert id the service gives an alert of this article under this rule version, for tests outside this
 * package that know their alerts in advance: it lets them screen each distinct text once and derive the ids
 * of the many articles that carry it.
 */
public final class ExpectedAlertId {

	private ExpectedAlertId() {
	}

	public static String of(String articleId, String ruleId, String ruleVersion) {
		return AlertIds.of(articleId, ruleId, ruleVersion);
	}

}
