package org.sanctionswatch.dashboard;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The log-in throttle on H2 in PostgreSQL mode, as a single instance and the tests run it. */
class LoginThrottleH2Tests extends LoginThrottleContract {

	@Override
	protected DataSource dataSource() {
		return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:throttle-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@Override
	protected String vendor() {
		return "h2";
	}

}
