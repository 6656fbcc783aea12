package org.sanctionswatch.alertstore;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records triage decisions. The status change and the audit-trail row commit together, and only once the
 * decision event is on the decisions topic: a decision downstream systems never heard of is not recorded.
 * (The reverse, an event whose database commit then fails, is possible but needs the database to fail in the
 * moment between the two commits; consumers can compare with the audit trail by decisionId.)
 */
@Component
public class AlertTriage {

	/** Longer comments are refused rather than cut: the audit trail keeps what the analyst wrote. */
	public static final int MAX_COMMENT_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final DecisionPublisher publisher;

	AlertTriage(JdbcClient jdbc, TransactionOperations transactions, DecisionPublisher publisher) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.publisher = publisher;
	}

	public AlertTriaged decide(String alertId, TriageAction action, String comment, String actor) {
		String text = comment.strip();
		if (text.isEmpty() || text.length() > MAX_COMMENT_LENGTH) {
			throw new IllegalArgumentException("A decision needs a comment of 1 to " + MAX_COMMENT_LENGTH + " characters");
		}
		AlertTriaged decided = this.transactions.execute((tx) -> {
			// the row lock makes concurrent decisions on one alert queue up instead of both reading the old status
			Current current = this.jdbc
				.sql("SELECT case_id, article_id, rule_id, status FROM alert WHERE alert_id = ? FOR UPDATE")
				.param(alertId)
				.query((rs, n) -> new Current(rs.getString("case_id"), rs.getString("article_id"),
						rs.getString("rule_id"), TriageStatus.valueOf(rs.getString("status"))))
				.optional()
				.orElseThrow(() -> new TriageRefusedException("No alert " + alertId, true));
			if (!action.allowedFrom(current.status())) {
				throw new TriageRefusedException(
						"Cannot " + action.name().toLowerCase() + " an alert that is " + current.status().name().toLowerCase(),
						false);
			}
			OffsetDateTime now = Timestamps.now();
			AlertTriaged decision = new AlertTriaged(UUID.randomUUID().toString(), alertId, current.caseId(),
					current.articleId(), current.ruleId(), action, current.status(), action.target(), text, actor,
					Timestamps.format(now));
			this.jdbc.sql("UPDATE alert SET status = ? WHERE alert_id = ?").params(action.target().name(), alertId).update();
			this.jdbc.sql("INSERT INTO alert_decision (decision_id, alert_id, action, from_status, to_status, comment, "
					+ "actor, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(decision.decisionId(), alertId, action.name(), current.status().name(), action.target().name(), text,
						actor, now)
				.update();
			this.publisher.publish(decision);
			return decision;
		});
		if (decided == null) {
			throw new IllegalStateException("The decision transaction returned nothing");
		}
		return decided;
	}

	private record Current(String caseId, String articleId, String ruleId, TriageStatus status) {
	}

}
