package org.sanctionswatch.alertstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A schema of its own on a PostgreSQL server, dropped afterwards, so that runs on a shared server do not collide.
 * Outside CI an unreachable server skips the test with a message saying so; in CI (CI=true) it fails it, because
 * the CI machines provide the server and a silent skip would hide that the store went untested. Public for the
 * dashboard's log-in throttle, which keeps its failures in the same database.
 */
public final class PostgresDatabase implements AutoCloseable {

	private final String url;

	private final Properties credentials;

	private final String schema = "sw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final DataSource admin;

	private PostgresDatabase(String url, String user, String password) {
		this.url = url;
		this.credentials = new Properties();
		this.credentials.setProperty("user", user);
		this.credentials.setProperty("password", password);
		this.admin = new SimpleDriverDataSource(new org.postgresql.Driver(), url, this.credentials);
		new JdbcTemplate(this.admin).execute("CREATE SCHEMA " + this.schema);
	}

	/** The server CI provides: 127.0.0.1:5432, database test, user postgres (trust authentication). */
	public static PostgresDatabase onLocalServer() {
		String url = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3";
		Properties props = new Properties();
		props.setProperty("user", "postgres");
		try (Connection connection = DriverManager.getConnection(url, props)) {
			connection.isValid(3);
		}
		catch (SQLException ex) {
			String message = "PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres): "
					+ ex.getMessage() + ". Start it (.ci/run does) to run the store tests on PostgreSQL.";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message + " CI=true, so this is a failure, not a skip.", ex);
			}
			Assumptions.abort(message);
		}
		return new PostgresDatabase(url, "postgres", "");
	}

	static PostgresDatabase on(String jdbcUrl, String user, String password) {
		return new PostgresDatabase(jdbcUrl, user, password);
	}

	/** A JDBC URL for this schema on another address, such as a proxy in front of the server. */
	String url(String host, int port) {
		String path = this.url.substring(this.url.indexOf('/', "jdbc:postgresql://".length()));
		String separator = path.contains("?") ? "&" : "?";
		return "jdbc:postgresql://" + host + ":" + port + path + separator + "currentSchema=" + this.schema;
	}

	/** A JDBC URL for this schema on the server itself. */
	String url() {
		String separator = this.url.contains("?") ? "&" : "?";
		return this.url + separator + "currentSchema=" + this.schema;
	}

	/** Connections whose search path is this schema alone. */
	public DataSource dataSource() {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), this.credentials);
	}

	/** The URL of connections to this schema alone, for an application to connect with credentials of its own. */
	public String jdbcUrl() {
		String separator = this.url.contains("?") ? "&" : "?";
		return this.url + separator + "currentSchema=" + this.schema;
	}

	@Override
	public void close() {
		new JdbcTemplate(this.admin).execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

}
