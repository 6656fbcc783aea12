package org.sanctionswatch.alertstore;

/**
 * A triage decision was recorded: a row of the audit trail, and the event published on the decisions topic.
 *
 * @param decidedAt RFC 3339, UTC
 */
public record AlertTriaged(String decisionId, String alertId, String caseId, String articleId, String ruleId,
		TriageAction action, TriageStatus fromStatus, TriageStatus toStatus, String comment, String actor,
		String decidedAt) {
}
