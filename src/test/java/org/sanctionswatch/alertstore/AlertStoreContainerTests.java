package org.sanctionswatch.alertstore;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The store on a throw-away PostgreSQL container, where Docker exists (skipped where it does not). */
@Testcontainers(disabledWithoutDocker = true)
class AlertStoreContainerTests extends PostgresStoreContract {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	private PostgresDatabase database;

	@Override
	protected DataSource dataSource() {
		this.database = PostgresDatabase.on(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
		return this.database.dataSource();
	}

	@AfterEach
	void dropSchema() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
