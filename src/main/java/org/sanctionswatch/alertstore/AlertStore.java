package org.sanctionswatch.alertstore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Alerts, cases and articles in the database. Writes are idempotent (an alert delivered twice is stored once)
 * and need no coordination between replicas; the alert list pages by keyset on (detected_at, alert_id), so the
 * ten-thousandth page costs what the first does.
 */
@Component
public class AlertStore {

	private static final int SEARCH_TEXT_LIMIT = 8000;

	private static final String SUMMARY_COLUMNS = "alert_id, case_id, rule_id, rule_title, severity, score, article_id, "
			+ "title, exposed, exposed_countries, counterparties, status, detected_at";

	static final String INSERT_ALERT = "INSERT INTO alert (alert_id, case_id, rule_id, rule_title, severity, score, "
			+ "article_id, title, exposed, exposed_countries, counterparties, search_text, status, detected_at, stored_at, "
			+ "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

	static final String INSERT_CASE = "INSERT INTO alert_case (case_id, rule_id, rule_title, exposed, counterparties, "
			+ "systems, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionOperations transactions;

	private final JsonMapper json;

	public AlertStore(JdbcClient jdbc, JdbcTemplate template, TransactionOperations transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.json = json;
	}

	// ---- writing ----

	/** Stores the alert and its case unless it is there already; true when it was new. */
	public boolean store(AlertRaised alert) {
		Boolean stored = this.transactions.execute((tx) -> {
			this.template.update(INSERT_CASE, caseRow(alert));
			return this.template.update(INSERT_ALERT, alertRow(alert)) == 1;
		});
		return Boolean.TRUE.equals(stored);
	}

	/** Stores many alerts in JDBC batches (bulk loads); returns how many were new. */
	public int storeAll(Collection<AlertRaised> alerts) {
		Integer stored = this.transactions.execute((tx) -> {
			Map<String, Object[]> cases = new LinkedHashMap<>();
			alerts.forEach((alert) -> cases.putIfAbsent(CaseKey.of(alert).caseId(), caseRow(alert)));
			this.template.batchUpdate(INSERT_CASE, new ArrayList<>(cases.values()));
			int[] counts = this.template.batchUpdate(INSERT_ALERT, alerts.stream().map(this::alertRow).toList());
			int sum = 0;
			for (int count : counts) {
				// a driver may answer SUCCESS_NO_INFO (-2) for a batched row; count it as new
				sum += (count != 0) ? 1 : 0;
			}
			return sum;
		});
		return (stored != null) ? stored : 0;
	}

	/** Keeps the latest version of an article: the text that the evidence offsets of its alerts point into. */
	public void storeArticle(Article article) {
		Object[] values = { article.title(), article.body(), article.url(), article.source(), article.publishedAt(),
				article.language(), Timestamps.now(), article.id() };
		this.transactions.executeWithoutResult((tx) -> {
			int updated = this.template.update("UPDATE article SET title = ?, body = ?, url = ?, source = ?, "
					+ "published_at = ?, language = ?, received_at = ? WHERE article_id = ?", values);
			if (updated == 0) {
				this.template.update("INSERT INTO article (title, body, url, source, published_at, language, received_at, "
						+ "article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", values);
			}
		});
	}

	private Object[] caseRow(AlertRaised alert) {
		return new Object[] { CaseKey.of(alert).caseId(), alert.ruleId(), alert.ruleTitle(),
				CaseKey.names(alert.exposedParties()), CaseKey.names(alert.counterparties()),
				CaseKey.systemNames(alert.systems()), Timestamps.now() };
	}

	private Object[] alertRow(AlertRaised alert) {
		AlertSummary summary = AlertSummary.of(alert);
		return new Object[] { alert.alertId(), summary.caseId(), alert.ruleId(), alert.ruleTitle(), alert.severity(),
				alert.score(), alert.articleId(), alert.title(), summary.exposed(), countryColumn(summary.exposedCountries()),
				summary.counterparties(), searchText(alert), TriageStatus.OPEN.name(), Timestamps.parse(alert.detectedAt()),
				Timestamps.now(), this.json.writeValueAsString(alert) };
	}

	private static String countryColumn(List<String> countries) {
		return countries.isEmpty() ? "," : "," + String.join(",", countries) + ",";
	}

	private static String searchText(AlertRaised alert) {
		String text = Stream
			.of(Stream.of(alert.title(), alert.ruleId(), alert.ruleTitle(), alert.articleId(), alert.citation()),
					alert.exposedParties().stream().map(AlertRaised.Party::name),
					alert.counterparties().stream().map(AlertRaised.Party::name),
					alert.systems().stream().map(AlertRaised.Item::name),
					alert.matches().stream().map(AlertRaised.Match::entryName))
			.flatMap((s) -> s)
			.filter((s) -> s != null && !s.isBlank())
			.distinct()
			.collect(Collectors.joining(" | "))
			.toLowerCase(Locale.ROOT);
		return (text.length() > SEARCH_TEXT_LIMIT) ? text.substring(0, SEARCH_TEXT_LIMIT) : text;
	}

	// ---- reading ----

	/**
	 * One page of alerts, newest first.
	 * @param after the {@link AlertPage#next()} cursor of the previous page, or null for the newest alerts
	 */
	public AlertPage page(AlertFilter filter, @Nullable String after, int size) {
		Query query = new Query();
		query.where("rule_id = ?", filter.ruleId());
		query.where("severity = ?", filter.severity());
		query.where("status = ?", (filter.status() != null) ? filter.status().name() : null);
		query.where("exposed_countries LIKE ?",
				(filter.country() != null) ? "%," + filter.country().toUpperCase(Locale.ROOT) + ",%" : null);
		query.where("detected_at >= ?", (filter.from() != null) ? startOf(filter.from()) : null);
		query.where("detected_at < ?", (filter.to() != null) ? startOf(filter.to().plusDays(1)) : null);
		if (filter.text() != null && !filter.text().isBlank()) {
			query.where("search_text LIKE ? ESCAPE '\\'", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (after != null) {
			Cursor cursor = Cursor.decode(after);
			// the first condition bounds the index range; the second breaks ties within one instant
			query.where("detected_at <= ?", cursor.detectedAt());
			query.where("(detected_at < ? OR alert_id < ?)", cursor.detectedAt(), cursor.alertId());
		}
		String sql = pageSql(query.conditions());
		List<Object> params = new ArrayList<>(query.params());
		params.add(size + 1);
		List<AlertSummary> rows = this.jdbc.sql(sql).params(params).query(AlertStore::summary).list();
		if (rows.size() <= size) {
			return new AlertPage(rows, null);
		}
		List<AlertSummary> page = rows.subList(0, size);
		AlertSummary last = page.get(size - 1);
		return new AlertPage(List.copyOf(page), Cursor.encode(Timestamps.parse(last.detectedAt()), last.alertId()));
	}

	/** The page query with these conditions; visible for the tests that check its plan. */
	static String pageSql(List<String> conditions) {
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return "SELECT " + SUMMARY_COLUMNS + " FROM alert" + where
				+ " ORDER BY detected_at DESC, alert_id DESC LIMIT ?";
	}

	public Optional<AlertDetail> find(String alertId) {
		Optional<Row> row = this.jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", payload FROM alert WHERE alert_id = ?")
			.param(alertId)
			.query((rs, n) -> new Row(summary(rs, n), rs.getString("payload")))
			.optional();
		return row.map((r) -> {
			AlertRaised alert = this.json.readValue(r.payload(), AlertRaised.class);
			int caseAlerts = this.jdbc.sql("SELECT COUNT(*) FROM alert WHERE case_id = ?")
				.param(r.summary().caseId())
				.query(Integer.class)
				.single();
			List<TriageAction> allowed = Stream.of(TriageAction.values())
				.filter((action) -> action.allowedFrom(r.summary().status()))
				.toList();
			return new AlertDetail(r.summary(), alert, article(alert.articleId()).orElse(null), decisions(alertId),
					caseAlerts, allowed);
		});
	}

	private record Row(AlertSummary summary, String payload) {
	}

	public Optional<StoredArticle> article(String articleId) {
		return this.jdbc.sql("SELECT article_id, title, body, url, source, published_at FROM article WHERE article_id = ?")
			.param(articleId)
			.query((rs, n) -> new StoredArticle(rs.getString("article_id"), rs.getString("title"), rs.getString("body"),
					rs.getString("url"), rs.getString("source"), rs.getString("published_at")))
			.optional();
	}

	/** The audit trail of an alert, in the order the decisions were taken. */
	public List<AlertTriaged> decisions(String alertId) {
		return this.jdbc.sql("SELECT d.decision_id, d.alert_id, a.case_id, a.article_id, a.rule_id, d.action, "
				+ "d.from_status, d.to_status, d.comment, d.actor, d.decided_at FROM alert_decision d "
				+ "JOIN alert a ON a.alert_id = d.alert_id WHERE d.alert_id = ? ORDER BY d.seq")
			.param(alertId)
			.query((rs, n) -> new AlertTriaged(rs.getString("decision_id"), rs.getString("alert_id"),
					rs.getString("case_id"), rs.getString("article_id"), rs.getString("rule_id"),
					TriageAction.valueOf(rs.getString("action")), TriageStatus.valueOf(rs.getString("from_status")),
					TriageStatus.valueOf(rs.getString("to_status")), rs.getString("comment"), rs.getString("actor"),
					Timestamps.format(rs.getObject("decided_at", OffsetDateTime.class))))
			.list();
	}

	public Optional<CaseDetail> findCase(String caseId) {
		List<AlertSummary> alerts = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM alert WHERE case_id = ? ORDER BY detected_at, alert_id")
			.param(caseId)
			.query(AlertStore::summary)
			.list();
		return this.jdbc
			.sql("SELECT case_id, rule_id, rule_title, exposed, counterparties, systems FROM alert_case WHERE case_id = ?")
			.param(caseId)
			.query((rs, n) -> new CaseDetail(rs.getString("case_id"), rs.getString("rule_id"), rs.getString("rule_title"),
					rs.getString("exposed"), rs.getString("counterparties"), rs.getString("systems"),
					alerts.isEmpty() ? "" : alerts.get(0).detectedAt(),
					alerts.isEmpty() ? "" : alerts.get(alerts.size() - 1).detectedAt(), alerts))
			.optional();
	}

	/** Alerts per day (UTC) and rule, for the days from {@code from} to {@code to}, both included. */
	public List<DailyCount> perDay(LocalDate from, LocalDate to) {
		String day = "CAST(detected_at AT TIME ZONE 'UTC' AS DATE)";
		return this.jdbc
			.sql("SELECT " + day + " AS alert_day, rule_id, COUNT(*) AS alerts FROM alert WHERE detected_at >= ? AND detected_at < ? "
					+ "GROUP BY " + day + ", rule_id ORDER BY 1, 2")
			.params(startOf(from), startOf(to.plusDays(1)))
			.query((rs, n) -> new DailyCount(rs.getObject("alert_day", LocalDate.class), rs.getString("rule_id"),
					rs.getLong("alerts")))
			.list();
	}

	/** The rules that have alerts, for the filter's choices. */
	public List<String> ruleIds() {
		return this.jdbc.sql("SELECT DISTINCT rule_id FROM alert ORDER BY rule_id").query(String.class).list();
	}

	private static AlertSummary summary(ResultSet rs, int rowNum) throws SQLException {
		List<String> countries = Stream.of(rs.getString("exposed_countries").split(","))
			.filter((c) -> !c.isEmpty())
			.toList();
		return new AlertSummary(rs.getString("alert_id"), rs.getString("case_id"), rs.getString("rule_id"),
				rs.getString("rule_title"), rs.getString("severity"), rs.getDouble("score"), rs.getString("article_id"),
				rs.getString("title"), rs.getString("exposed"), countries, rs.getString("counterparties"),
				TriageStatus.valueOf(rs.getString("status")),
				Timestamps.format(rs.getObject("detected_at", OffsetDateTime.class)));
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Conditions and their parameters, in order; a null value leaves its condition out. */
	private static final class Query {

		private final List<String> conditions = new ArrayList<>();

		private final List<Object> params = new ArrayList<>();

		void where(String condition, @Nullable Object... values) {
			if (values.length == 0 || values[0] == null || (values[0] instanceof String s && s.isBlank())) {
				return;
			}
			this.conditions.add(condition);
			this.params.addAll(List.of(values));
		}

		List<String> conditions() {
			return this.conditions;
		}

		List<Object> params() {
			return this.params;
		}

	}

	/** Where a page ended: the last alert's detection time and id, opaque to clients. */
	record Cursor(OffsetDateTime detectedAt, String alertId) {

		static String encode(OffsetDateTime detectedAt, String alertId) {
			String raw = Timestamps.format(detectedAt) + "|" + alertId;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int bar = raw.indexOf('|');
				return new Cursor(Timestamps.parse(raw.substring(0, bar)), raw.substring(bar + 1));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Not a page cursor: " + cursor, ex);
			}
		}

	}

}
