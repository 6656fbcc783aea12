package org.sanctionswatch.alertstore;

import java.util.List;

/**
 * A matter: one rule, the same exposed parties, counterparties and systems, and every alert (one per article)
 * that reported it, oldest first.
 */
public record CaseDetail(String caseId, String ruleId, String ruleTitle, String exposed, String counterparties,
		String systems, String firstSeen, String lastSeen, List<AlertSummary> alerts) {
}
