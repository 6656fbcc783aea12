package org.sanctionswatch.alertstore;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on H2, as local mode and tests run it: in PostgreSQL mode, a fresh in-memory database per test. */
class AlertStoreH2Tests extends AlertStoreContract {

	private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

	@Override
	protected DataSource dataSource() {
		return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:store-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@Override
	protected String vendor() {
		return "h2";
	}

	@Override
	protected long rowsReadByPageQuery(String sql, List<Object> params) {
		String plan = String.join("\n", this.jdbc.sql("EXPLAIN ANALYZE " + sql).params(params).query(String.class).list());
		assertThat(plan).as("plan").contains("alert_by_time");
		Matcher scans = SCAN_COUNT.matcher(plan);
		assertThat(scans.find()).as("scan count in %s", plan).isTrue();
		return Long.parseLong(scans.group(1));
	}

}
