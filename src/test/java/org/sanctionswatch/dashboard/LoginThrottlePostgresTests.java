package org.sanctionswatch.dashboard;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.sanctionswatch.alertstore.PostgresDatabase;

/**
 * The log-in throttle on the PostgreSQL server at 127.0.0.1:5432 that the CI machines provide, in a schema of its
 * own per test: the database replicas share in production. Skipped with a message where there is no such
 * server, unless CI=true.
 */
class LoginThrottlePostgresTests extends LoginThrottleContract {

	private PostgresDatabase database;

	@Override
	protected DataSource dataSource() {
		this.database = PostgresDatabase.onLocalServer();
		return this.database.dataSource();
	}

	@Override
	protected String vendor() {
		return "postgresql";
	}

	@AfterEach
	void dropSchema() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
