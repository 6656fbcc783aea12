package org.sanctionswatch.alertstore;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

/**
 * The store on the PostgreSQL server at 127.0.0.1:5432 that the CI machines provide (.ci/run starts it), in a
 * schema of its own per test. Skipped with a message where there is no such server, unless CI=true.
 */
class AlertStorePostgresTests extends PostgresStoreContract {

	private PostgresDatabase database;

	@Override
	protected DataSource dataSource() {
		this.database = PostgresDatabase.onLocalServer();
		return this.database.dataSource();
	}

	@AfterEach
	void dropSchema() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
