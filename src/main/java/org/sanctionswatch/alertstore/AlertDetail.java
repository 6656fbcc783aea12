package org.sanctionswatch.alertstore;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.alert.AlertRaised;

/**
 * Everything about one alert: the alert as raised, its triage state and audit trail, and the article text.
 *
 * @param article null while the article has not reached the store (it arrives on another topic)
 * @param caseAlerts how many alerts the case of this alert holds
 * @param allowedActions the triage decisions its status allows
 */
public record AlertDetail(AlertSummary summary, AlertRaised alert, @Nullable StoredArticle article,
		List<AlertTriaged> decisions, int caseAlerts, List<TriageAction> allowedActions) {
}
