package org.sanctionswatch.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed log-ins as the database keeps them (table {@code login_failure}), shared by every replica. Inserts and
 * deletes only: replicas recording failures at the same moment never contend on a row.
 */
class LoginFailures {

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Failure(String account, String client, Instant failedAt) {
	}

	void record(String account, String client, Instant failedAt) {
		this.jdbc.sql("INSERT INTO login_failure (account, client, failed_at) VALUES (?, ?, ?)")
			.params(account, client, utc(failedAt))
			.update();
	}

	/** The failures of a user name or of a client address after a moment, oldest first. */
	List<Failure> since(String account, String client, Instant after) {
		return this.jdbc
			.sql("SELECT account, client, failed_at FROM login_failure WHERE (account = ? OR client = ?) AND failed_at > ?"
					+ " ORDER BY failed_at")
			.params(account, client, utc(after))
			.query((rs, row) -> new Failure(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	void forget(String account) {
		this.jdbc.sql("DELETE FROM login_failure WHERE account = ?").params(account).update();
	}

	int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?").params(utc(before)).update();
	}

	// PostgreSQL keeps microseconds: what is compared later must be what was stored
	private static OffsetDateTime utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
