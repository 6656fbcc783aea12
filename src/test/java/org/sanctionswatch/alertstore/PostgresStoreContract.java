package org.sanctionswatch.alertstore;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The store contract on PostgreSQL, plus what only PostgreSQL enforces: the database refuses to rewrite the audit trail. */
abstract class PostgresStoreContract extends AlertStoreContract {

	private static final Pattern ROWS = Pattern.compile("actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+)");

	@Override
	protected String vendor() {
		return "postgresql";
	}

	@Override
	protected void analyze() {
		this.jdbc.sql("ANALYZE alert").update();
	}

	@Override
	protected long rowsReadByPageQuery(String sql, List<Object> params) {
		String plan = String.join("\n",
				this.jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql).params(params).query(String.class).list());
		assertThat(plan).as("plan").contains("Index Scan").contains("alert_by_time").doesNotContain("Seq Scan");
		Matcher rows = ROWS.matcher(plan);
		long read = 0;
		while (rows.find()) {
			read = Math.max(read, Long.parseLong(rows.group(1)));
		}
		Matcher removed = Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
		while (removed.find()) {
			read += Long.parseLong(removed.group(1));
		}
		assertThat(read).as("rows in %s", plan).isPositive();
		return read;
	}

	@Test
	void theDatabaseRefusesToRewriteTheAuditTrail() {
		this.store.store(Alerts.alert("a-1", "article-1", "CAATSA-231", "TR", "Rosoboronexport", "S-400", T0));
		this.triage.decide("a-1", TriageAction.ACKNOWLEDGE, "Looking into it", "ana");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE alert_decision SET actor = 'mallory'").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM alert_decision").update())
			.withMessageContaining("append-only");
		assertThat(this.store.decisions("a-1")).singleElement()
			.satisfies((decision) -> assertThat(decision.actor()).isEqualTo("ana"));
	}

}
