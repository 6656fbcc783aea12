package org.sanctionswatch.alertstore;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.alert.AlertRaised;

/** One line of the alert list. */
public record AlertSummary(String alertId, String caseId, String ruleId, String ruleTitle, String severity,
		double score, String articleId, @Nullable String title, String exposed, List<String> exposedCountries,
		String counterparties, TriageStatus status, String detectedAt) {

	/** The line for an alert that has just been raised, before anyone has triaged it. */
	public static AlertSummary of(AlertRaised alert) {
		return new AlertSummary(alert.alertId(), CaseKey.of(alert).caseId(), alert.ruleId(), alert.ruleTitle(),
				alert.severity(), alert.score(), alert.articleId(), alert.title(), CaseKey.names(alert.exposedParties()),
				CaseKey.countries(alert), CaseKey.names(alert.counterparties()), TriageStatus.OPEN,
				Timestamps.format(Timestamps.parse(alert.detectedAt())));
	}

}
