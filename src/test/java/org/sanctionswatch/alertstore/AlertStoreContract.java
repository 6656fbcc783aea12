package org.sanctionswatch.alertstore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the store must do on every database it runs on: the subclasses give it an empty schema of H2 or
 * PostgreSQL, migrated by the application's own Flyway scripts.
 */
abstract class AlertStoreContract {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");

	protected AlertStore store;

	protected AlertTriage triage;

	/** What the triage published, in order; a test sets {@link #publishFailure} to make publishing fail. */
	protected final List<AlertTriaged> published = new ArrayList<>();

	protected RuntimeException publishFailure;

	protected JdbcClient jdbc;

	/** An empty schema for this test. */
	protected abstract DataSource dataSource();

	/** Flyway's name of the database: h2 or postgresql. */
	protected abstract String vendor();

	@BeforeEach
	void migrateAndWire() {
		DataSource dataSource = dataSource();
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
			.load()
			.migrate();
		this.jdbc = JdbcClient.create(dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		this.store = new AlertStore(this.jdbc, new JdbcTemplate(dataSource), transactions, JsonMapper.shared());
		this.triage = new AlertTriage(this.jdbc, transactions, (decision) -> {
			if (this.publishFailure != null) {
				throw this.publishFailure;
			}
			this.published.add(decision);
		});
	}

	@Test
	void theSameAlertDeliveredTwiceIsStoredOnce() {
		AlertRaised alert = Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0);
		assertThat(this.store.store(alert)).isTrue();
		assertThat(this.store.store(alert)).as("second delivery").isFalse();
		assertThat(this.store.storeAll(List.of(alert))).as("third delivery, in a batch").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alert").query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alert_case").query(Integer.class).single()).isEqualTo(1);
		AlertDetail detail = this.store.find("a-1").orElseThrow();
		assertThat(detail.alert()).isEqualTo(alert);
		assertThat(detail.summary().status()).isEqualTo(TriageStatus.OPEN);
		assertThat(detail.summary().exposedCountries()).containsExactly("TR");
		assertThat(detail.summary().detectedAt()).isEqualTo("2026-03-02T09:00:00.123456Z");
	}

	@Test
	void alertsAboutTheSameMatterFormOneCaseThatListsEveryArticleOverTime() {
		AlertRaised first = Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0);
		AlertRaised later = Alerts.alert("a-2", "article-2", "CAATSA-231", "TR", "Rosoboronexport", "S-400",
				T0.plus(Duration.ofDays(3)));
		AlertRaised between = Alerts.alert("a-3", "article-3", "CAATSA-231", "TR", "Rosoboronexport", "S-400",
				T0.plus(Duration.ofDays(1)));
		AlertRaised otherSeller = Alerts.alert("a-4", "article-4", "CAATSA-231", "TR", "Rostec", "S-400", T0);
		AlertRaised otherBuyer = Alerts.alert("a-5", "article-5", "CAATSA-231", "IN", "Rosoboronexport", "S-400", T0);
		AlertRaised otherSystem = Alerts.alert("a-6", "article-6", "CAATSA-231", "TR", "Rosoboronexport", "Su-35", T0);
		AlertRaised otherRule = Alerts.alert("a-7", "article-7", "SDN-MATCH", "TR", "Rosoboronexport", "S-400", T0);
		List.of(later, first, between, otherSeller, otherBuyer, otherSystem, otherRule).forEach(this.store::store);

		String caseId = this.store.find("a-1").orElseThrow().summary().caseId();
		CaseDetail matter = this.store.findCase(caseId).orElseThrow();
		assertThat(matter.alerts()).extracting(AlertSummary::articleId)
			.containsExactly("article-1", "article-3", "article-2");
		assertThat(matter.exposed()).isEqualTo("Turkey");
		assertThat(matter.counterparties()).isEqualTo("Rosoboronexport");
		assertThat(matter.systems()).isEqualTo("S-400");
		assertThat(matter.firstSeen()).isEqualTo(T0.toString());
		assertThat(matter.lastSeen()).isEqualTo(T0.plus(Duration.ofDays(3)).toString());
		assertThat(this.store.find("a-2").orElseThrow().caseAlerts()).isEqualTo(3);
		Set<String> otherCases = new HashSet<>();
		for (String id : List.of("a-4", "a-5", "a-6", "a-7")) {
			otherCases.add(this.store.find(id).orElseThrow().summary().caseId());
		}
		assertThat(otherCases).hasSize(4).doesNotContain(caseId);
	}

	@Test
	void everyDecisionIsKeptInAnAuditTrailWithWhoAndWhen() {
		this.store.store(Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0));
		Instant before = Instant.now().minusSeconds(1);
		AlertTriaged acknowledged = this.triage.decide("a-1", TriageAction.ACKNOWLEDGE, " Looking into it ", "ana");
		this.triage.decide("a-1", TriageAction.ESCALATE, "Confirmed by a second source", "ana");
		this.triage.decide("a-1", TriageAction.DISMISS, "Same deal as case 12, already reported", "bob");
		this.triage.decide("a-1", TriageAction.REOPEN, "New contract value reported", "carol");

		List<AlertTriaged> trail = this.store.decisions("a-1");
		assertThat(trail).extracting(AlertTriaged::action)
			.containsExactly(TriageAction.ACKNOWLEDGE, TriageAction.ESCALATE, TriageAction.DISMISS, TriageAction.REOPEN);
		assertThat(trail).extracting(AlertTriaged::actor).containsExactly("ana", "ana", "bob", "carol");
		assertThat(trail).extracting(AlertTriaged::fromStatus)
			.containsExactly(TriageStatus.OPEN, TriageStatus.ACKNOWLEDGED, TriageStatus.ESCALATED, TriageStatus.DISMISSED);
		assertThat(trail).extracting(AlertTriaged::toStatus)
			.containsExactly(TriageStatus.ACKNOWLEDGED, TriageStatus.ESCALATED, TriageStatus.DISMISSED, TriageStatus.OPEN);
		assertThat(trail.get(0)).isEqualTo(acknowledged);
		assertThat(trail.get(0).comment()).isEqualTo("Looking into it");
		assertThat(trail).allSatisfy((decision) -> {
			assertThat(Instant.parse(decision.decidedAt())).isBetween(before, Instant.now().plusSeconds(1));
			assertThat(decision.caseId()).isEqualTo(this.store.find("a-1").orElseThrow().summary().caseId());
		});
		assertThat(this.store.find("a-1").orElseThrow().summary().status()).isEqualTo(TriageStatus.OPEN);
		assertThat(this.published).containsExactlyElementsOf(trail);
	}

	@Test
	void aDecisionThatDoesNotApplyOrCannotBePublishedLeavesNoTrace() {
		this.store.store(Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0));
		assertThatExceptionOfType(TriageRefusedException.class)
			.isThrownBy(() -> this.triage.decide("a-1", TriageAction.REOPEN, "nothing to reopen", "ana"))
			.satisfies((ex) -> assertThat(ex.notFound()).isFalse());
		assertThatExceptionOfType(TriageRefusedException.class)
			.isThrownBy(() -> this.triage.decide("nope", TriageAction.ACKNOWLEDGE, "who?", "ana"))
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
		assertThatIllegalArgumentException().isThrownBy(() -> this.triage.decide("a-1", TriageAction.ACKNOWLEDGE, "  ", "ana"));
		this.publishFailure = new IllegalStateException("broker down");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.triage.decide("a-1", TriageAction.ESCALATE, "urgent", "ana"));
		assertThat(this.store.decisions("a-1")).isEmpty();
		assertThat(this.store.find("a-1").orElseThrow().summary().status()).isEqualTo(TriageStatus.OPEN);
	}

	@Test
	void theArticleTextIsKeptInItsLatestVersion() {
		this.store.storeArticle(new Article("article-1", "First", "Turkey signs.", null, null, null, "en"));
		this.store.storeArticle(new Article("article-1", "Second", "Turkey signs again.", "https://e.org/1", "wire",
				"2019-12-13T14:20:00Z", "en"));
		this.store.store(Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0));
		StoredArticle article = this.store.find("a-1").orElseThrow().article();
		assertThat(article).isNotNull();
		assertThat(article.title()).isEqualTo("Second");
		assertThat(article.body()).isEqualTo("Turkey signs again.");
		assertThat(article.url()).isEqualTo("https://e.org/1");
	}

	@Test
	void filtersNarrowTheListAndPagesFollowEachOtherWithoutGapsOrRepeats() {
		List<AlertRaised> alerts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			// pairs share an instant, so the cursor must break ties by alert id
			Instant at = T0.plus(Duration.ofHours(i / 2 * 12L));
			String country = (i % 3 == 0) ? "IN" : "TR";
			String rule = (i % 5 == 0) ? "SDN-MATCH" : "CAATSA-231";
			String severity = (i % 2 == 0) ? "CRITICAL" : "HIGH";
			String title = (i == 7) ? "Hanoi orders Kilo-class submarines" : "Deal number " + i;
			alerts.add(Alerts.alert("a-%02d".formatted(i), "article-" + i, rule, severity, country, "Rosoboronexport",
					"S-400", at, title));
		}
		this.store.storeAll(alerts);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			AlertPage page = this.store.page(AlertFilter.none(), cursor, 4);
			page.alerts().forEach((a) -> seen.add(a.alertId()));
			cursor = page.next();
		}
		while (cursor != null);
		List<String> expected = alerts.stream()
			.sorted((a, b) -> {
				int byTime = b.detectedAt().compareTo(a.detectedAt());
				return (byTime != 0) ? byTime : b.alertId().compareTo(a.alertId());
			})
			.map(AlertRaised::alertId)
			.toList();
		assertThat(seen).containsExactlyElementsOf(expected);

		assertThat(ids(new AlertFilter("SDN-MATCH", null, null, null, null, null, null)))
			.containsExactlyInAnyOrder("a-00", "a-05", "a-10", "a-15", "a-20");
		assertThat(ids(new AlertFilter(null, "CRITICAL", null, "in", null, null, null)))
			.containsExactlyInAnyOrder("a-00", "a-06", "a-12", "a-18", "a-24");
		assertThat(ids(new AlertFilter(null, null, null, null, null, null, "KILO-class")))
			.containsExactly("a-07");
		assertThat(ids(new AlertFilter(null, null, null, null, null, null, "100%_"))).isEmpty();
		LocalDate day0 = LocalDate.ofInstant(T0, ZoneOffset.UTC);
		// day 0 holds i = 0..3 (hours 0 and 12)
		assertThat(ids(new AlertFilter(null, null, null, null, day0, day0, null)))
			.containsExactlyInAnyOrder("a-00", "a-01", "a-02", "a-03");
		this.triage.decide("a-03", TriageAction.ESCALATE, "urgent", "ana");
		assertThat(ids(new AlertFilter(null, null, TriageStatus.ESCALATED, null, null, null, null))).containsExactly("a-03");
		assertThat(this.store.perDay(day0, day0.plusDays(1))).containsExactly(
				new DailyCount(day0, "CAATSA-231", 3), new DailyCount(day0, "SDN-MATCH", 1),
				new DailyCount(day0.plusDays(1), "CAATSA-231", 3), new DailyCount(day0.plusDays(1), "SDN-MATCH", 1));
		assertThat(this.store.ruleIds()).containsExactly("CAATSA-231", "SDN-MATCH");
	}

	/**
	 * With 100,000 alerts, a page deep in the list reads through the (detected_at, alert_id) index, starting at
	 * the cursor: the database reports how many rows it looked at, and that stays near the page size.
	 */
	@Test
	void aPageDeepInA100000AlertListIsReadThroughTheIndex() {
		int total = 100_000;
		List<AlertRaised> batch = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			String country = List.of("TR", "IN", "VN").get(i % 3);
			batch.add(Alerts.alert("bulk-%06d".formatted(i), "article-" + i, (i % 7 == 0) ? "SDN-MATCH" : "CAATSA-231",
					country, "Rosoboronexport", "S-" + (i % 50), T0.plusSeconds(i)));
			if (batch.size() == 10_000) {
				assertThat(this.store.storeAll(batch)).isEqualTo(10_000);
				batch.clear();
			}
		}
		analyze();
		String cursor = AlertStore.Cursor.encode(AlertStore.Cursor.decode(cursorAt("bulk-060000")).detectedAt(),
				"bulk-060000");
		AlertPage page = this.store.page(AlertFilter.none(), cursor, 50);
		assertThat(page.alerts()).extracting(AlertSummary::alertId).first().isEqualTo("bulk-059999");
		assertThat(page.alerts()).extracting(AlertSummary::alertId).last().isEqualTo("bulk-059950");
		assertThat(page.next()).isNotNull();
		AlertStore.Cursor at = AlertStore.Cursor.decode(cursor);
		String sql = AlertStore.pageSql(List.of("detected_at <= ?", "(detected_at < ? OR alert_id < ?)"));
		long rowsRead = rowsReadByPageQuery(sql, List.of(at.detectedAt(), at.detectedAt(), at.alertId(), 51));
		assertThat(rowsRead).as("rows the database read for one page of 50 out of %d", total).isLessThanOrEqualTo(500);
	}

	private String cursorAt(String alertId) {
		AlertSummary summary = this.store.find(alertId).orElseThrow().summary();
		return AlertStore.Cursor.encode(Timestamps.parse(summary.detectedAt()), alertId);
	}

	/** Refreshes the planner's statistics after a bulk load, where the database has any. */
	protected void analyze() {
	}

	/** How many rows the database read to answer the query, from its own EXPLAIN ANALYZE. */
	protected abstract long rowsReadByPageQuery(String sql, List<Object> params);

	private List<String> ids(AlertFilter filter) {
		return this.store.page(filter, null, 100).alerts().stream().map(AlertSummary::alertId).toList();
	}

}
