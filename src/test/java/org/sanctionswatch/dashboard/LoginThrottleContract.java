package org.sanctionswatch.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.SanctionsWatchProperties.Dashboard.LoginThrottling;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The log-in throttle on a database migrated by the application's own Flyway scripts, with the real password
 * check behind it. Time is given, not waited for: each attempt names its instant. Two providers over one
 * database stand for two replicas.
 */
abstract class LoginThrottleContract {

	static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

	/** A lock-out shorter than the window, so that the two cannot be confused. */
	static final LoginThrottling SETTINGS = new LoginThrottling(5, Duration.ofMinutes(15), Duration.ofMinutes(10), 8);

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private JdbcClient jdbc;

	private DataSource dataSource;

	protected abstract DataSource dataSource();

	/** Flyway's name of the database: h2 or postgresql. */
	protected abstract String vendor();

	@BeforeEach
	void migrate() {
		this.dataSource = dataSource();
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
			.load()
			.migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@Test
	void fiveFailuresWithinTheWindowRefuseTheUserNameEvenWithTheRightPasswordUntilTheLockOutEnds() {
		Replica replica = replica();
		for (int i = 0; i < 5; i++) {
			Instant at = T0.plusSeconds(60L * i);
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn("ana", "wrong", "10.0.0.1", at));
		}
		Instant fifth = T0.plusSeconds(240);
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> replica.logIn("ana", "ana-password", "10.0.0.1", fifth.plusSeconds(1)))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(SETTINGS.lockOut().minusSeconds(1)));
		assertThatExceptionOfType(LoginThrottledException.class).as("from another address too")
			.isThrownBy(() -> replica.logIn("ana", "ana-password", "10.0.0.2", fifth.plus(SETTINGS.lockOut()).minusSeconds(1)));
		assertThat(failureCount("ana")).as("refused attempts are not failures").isEqualTo(5);
		assertThat(replica.logIn("bo", "bo-password", "10.0.0.1", fifth.plusSeconds(2)).getName())
			.as("another user from the same address").isEqualTo("bo");

		assertThat(replica.logIn("ana", "ana-password", "10.0.0.1", fifth.plus(SETTINGS.lockOut())).getName()).isEqualTo("ana");
		assertThat(failureCount("ana")).as("a successful log-in forgets the failures").isZero();
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowDoNotLock() {
		Replica replica = replica();
		// five failures, but never five within 15 minutes
		for (int i = 0; i < 5; i++) {
			Instant at = T0.plus(Duration.ofMinutes(4).multipliedBy(i));
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn("ana", "wrong", "10.0.0.1", at));
		}
		assertThat(replica.logIn("ana", "ana-password", "10.0.0.1", T0.plus(Duration.ofMinutes(17))).getName()).isEqualTo("ana");
	}

	@Test
	void userNamesAreCountedCaseInsensitivelyAndUnknownOnesLikeKnownOnes() {
		Replica replica = replica();
		String[] spellings = { "Ana", "ANA", " ana", "aNa", "ana" };
		for (int i = 0; i < spellings.length; i++) {
			String name = spellings[i];
			Instant at = T0.plusSeconds(i);
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn(name, "wrong", "10.0.0.1", at));
		}
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> replica.logIn("ana", "ana-password", "10.0.0.3", T0.plusSeconds(10)));
		for (int i = 0; i < 5; i++) {
			Instant at = T0.plusSeconds(i);
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> replica.logIn("nobody-of-that-name", "wrong", "10.0.0.4", at));
		}
		assertThatExceptionOfType(LoginThrottledException.class).as("no telling which user names exist")
			.isThrownBy(() -> replica.logIn("nobody-of-that-name", "wrong", "10.0.0.4", T0.plusSeconds(10)));
	}

	@Test
	void aClientAddressWithTooManyFailuresIsRefusedForEveryUserName() {
		Replica replica = replica();
		for (int i = 0; i < SETTINGS.maxFailuresPerClient(); i++) {
			String name = "guess-" + i;
			Instant at = T0.plusSeconds(i);
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn(name, "wrong", "192.0.2.7", at));
		}
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> replica.logIn("bo", "bo-password", "192.0.2.7", T0.plusSeconds(60)));
		assertThat(replica.logIn("bo", "bo-password", "192.0.2.8", T0.plusSeconds(60)).getName())
			.as("the same user from another address").isEqualTo("bo");
	}

	@Test
	void replicasCountTheSameFailures() {
		Replica first = replica();
		Replica second = replica();
		for (int i = 0; i < 5; i++) {
			Replica replica = (i % 2 == 0) ? first : second;
			Instant at = T0.plusSeconds(i);
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn("ana", "wrong", "10.0.0.1", at));
		}
		for (Replica replica : List.of(first, second)) {
			assertThatExceptionOfType(LoginThrottledException.class)
				.isThrownBy(() -> replica.logIn("ana", "ana-password", "10.0.0.1", T0.plusSeconds(30)));
		}
	}

	@Test
	void concurrentFailuresOnSeveralReplicasAreAllRecorded() throws Exception {
		List<Replica> replicas = List.of(replica(), replica(), replica());
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> attempts = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				Replica replica = replicas.get(i % 3);
				String name = "user-" + (i % 4);
				String client = "10.0.1." + i;
				Instant at = T0.plusMillis(i);
				attempts.add(threads.submit(() -> assertThatExceptionOfType(BadCredentialsException.class)
					.isThrownBy(() -> replica.logIn(name, "wrong", client, at))));
			}
			for (Future<?> attempt : attempts) {
				attempt.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure").query(Long.class).single()).isEqualTo(12);
	}

	@Test
	void failuresOlderThanAnyWindowTheyCouldCountInAreDeleted() {
		Replica replica = replica();
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> replica.logIn("ana", "wrong", "10.0.0.1", T0));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> replica.logIn("bo", "wrong", "10.0.0.2", T0.plus(Duration.ofMinutes(24))));
		assertThat(failureCount("ana")).as("still within window plus lock-out").isEqualTo(1);
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> replica.logIn("bo", "wrong", "10.0.0.2", T0.plus(Duration.ofMinutes(26))));
		assertThat(failureCount("ana")).isZero();
		assertThat(failureCount("bo")).isEqualTo(2);
	}

	private long failureCount(String account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE account = ?").params(account).query(Long.class).single();
	}

	/** One replica's log-in: its own provider and throttle over the shared database, at a given instant. */
	private Replica replica() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername("ana").password("{bcrypt}" + BCRYPT.encode("ana-password")).roles("ANALYST").build(),
				User.withUsername("bo").password("{bcrypt}" + BCRYPT.encode("bo-password")).roles("VIEWER").build());
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(new SecurityConfiguration().passwordEncoder());
		return new Replica(passwords, new LoginThrottle(new LoginFailures(JdbcClient.create(this.dataSource)), SETTINGS));
	}

	record Replica(DaoAuthenticationProvider passwords, LoginThrottle throttle) {

		Authentication logIn(String name, String password, String client, Instant at) {
			UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
			attempt.setDetails(new WebAuthenticationDetails(client, UUID.randomUUID().toString()));
			return new ThrottledAuthenticationProvider(this.passwords, this.throttle, Clock.fixed(at, ZoneOffset.UTC))
				.authenticate(attempt);
		}

	}

}
