package org.sanctionswatch.alertstore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertRaised;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL out of reach for 30 s while alerts keep arriving, on the real server behind a TCP proxy of the test's
 * own, with the service in this JVM and a real (embedded KRaft) broker. The store consumer must retry with back-off,
 * neither skipping nor dead-lettering anything, catch up once the database is back, and say meanwhile, in its health
 * and in the alert list, that it is behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = { "sanctions-watch.topics.partitions=3",
		// quick to notice and quick to retry, so that the test is short; the behaviour is the default one
		"sanctions-watch.dashboard.store.check-interval=PT1S", "sanctions-watch.dashboard.store.behind-after=PT3S",
		"sanctions-watch.dashboard.store.max-retry-interval=PT4S",
		"spring.datasource.hikari.connection-timeout=2000", "spring.datasource.hikari.validation-timeout=1000",
		"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN",
		"logging.level.com.zaxxer.hikari=ERROR" })
// closed after the class, so that the service's clients stop before the broker does
@DirtiesContext
class AlertStoreOutageTests {

	private static final String ALERTS = "sanctions.alerts";

	private static final String GROUP = "sanctions-watch-dashboard";

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	private static final String PASSWORD = "viewer-" + UUID.randomUUID();

	private static final JsonMapper json = JsonMapper.shared();

	private static PostgresDatabase database;

	private static TcpProxy proxy;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void databaseBehindAProxy() throws Exception {
		database = PostgresDatabase.onLocalServer();
		proxy = new TcpProxy("127.0.0.1", 5432);
	}

	@AfterAll
	static void closeProxyAndDropSchema() throws Exception {
		if (proxy != null) {
			proxy.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@DynamicPropertySource
	static void databaseAndUser(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.url("127.0.0.1", proxy.port()));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		// an operator: health details are for administrators, and they matter most during the outage
		registry.add("sanctions-watch.dashboard.users[0].name", () -> "operator");
		registry.add("sanctions-watch.dashboard.users[0].password",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
		registry.add("sanctions-watch.dashboard.users[0].roles", () -> "ADMIN");
	}

	@Test
	void theStoreWaitsOutADatabaseOutageLosesNothingAndSaysItIsBehind() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		JdbcTemplate direct = new JdbcTemplate(database.dataSource());
		String bootstrap = this.broker.getBrokersAsString();
		List<AlertRaised> before = StoreFaults.alerts(run, 0, 300);
		try (KafkaProducer<String, byte[]> producer = StoreFaults.producer(bootstrap); Admin admin = StoreFaults.admin(bootstrap)) {
			StoreFaults.publish(producer, ALERTS, before);
			await("the first 300 alerts stored").atMost(Duration.ofSeconds(60))
				.until(() -> StoreFaults.counts(direct, run).rows() == 300);
			await("the store reported up to date").atMost(Duration.ofSeconds(30))
				.until(() -> "UP".equals(storeHealth().path("status").asString()));

			// ---- the database goes away; alerts keep coming, ten a second ----
			proxy.cut();
			Instant cutAt = Instant.now();
			long failuresBefore = storeHealth().path("details").path("failedAttempts").asLong();
			AtomicInteger published = new AtomicInteger(300);
			List<AlertRaised> during = new ArrayList<>();
			JsonNode degraded = null;
			Map<TopicPartition, Long> committedEarly = null;
			while (Duration.between(cutAt, Instant.now()).compareTo(OUTAGE) < 0) {
				List<AlertRaised> batch = StoreFaults.alerts(run, published.getAndAdd(10), 10);
				StoreFaults.publish(producer, ALERTS, batch);
				during.addAll(batch);
				if (committedEarly == null && Duration.between(cutAt, Instant.now()).toSeconds() >= 8) {
					committedEarly = StoreFaults.committed(admin, GROUP, ALERTS);
				}
				JsonNode health = storeHealth();
				if (degraded == null && "DEGRADED".equals(health.path("status").asString())) {
					degraded = health;
					System.out.printf("Store reported DEGRADED %.1f s into the outage: %s%n",
							StoreFaults.seconds(Duration.between(cutAt, Instant.now())), health);
				}
				Thread.sleep(1000);
			}
			Map<TopicPartition, Long> committedLate = StoreFaults.committed(admin, GROUP, ALERTS);
			JsonNode atEnd = storeHealth();
			long failedDuringOutage = atEnd.path("details").path("failedAttempts").asLong() - failuresBefore;
			System.out.printf("Outage of %.0f s: %d alerts published, %d stored meanwhile, %d failed store attempts, "
					+ "%d connections refused by the proxy; committed offsets %s (8 s in) and %s (at the end)%n",
					StoreFaults.seconds(OUTAGE), during.size(), StoreFaults.counts(direct, run).rows() - 300,
					failedDuringOutage, proxy.refused(), committedEarly, committedLate);

			assertThat(degraded).as("store health DEGRADED during the outage").isNotNull();
			assertThat(degraded.path("details").path("behind").asBoolean()).isTrue();
			assertThat(degraded.path("details").path("lag").asLong()).isPositive();
			assertThat(atEnd.path("details").path("lastError").asString()).isNotBlank();
			// nothing skipped: not one offset committed past a record that could not be stored
			assertThat(committedLate).as("committed offsets during the outage").isEqualTo(committedEarly);
			// backing off, not spinning: a tight loop would fail thousands of times in 30 s
			assertThat(failedDuringOutage).as("failed store attempts in %s", OUTAGE).isBetween(2L, 30L);

			// ---- the database is back ----
			proxy.restore();
			Instant restoredAt = Instant.now();
			int total = 300 + during.size();
			// the pool needs a moment to reconnect: the first list served after the outage, whatever the store did
			long storedBeforeList = StoreFaults.counts(direct, run).rows();
			JsonNode page = await("the alert list served again").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> tryGet("/api/alerts?size=5"), (p) -> p != null);
			System.out.printf("First alert list %.1f s after the database came back, %d of %d alerts stored: storeStatus %s%n",
					StoreFaults.seconds(Duration.between(restoredAt, Instant.now())), storedBeforeList, total,
					page.path("storeStatus"));
			assertThat(page.path("alerts").size()).isPositive();
			if (storedBeforeList < total) {
				assertThat(page.path("storeStatus").path("behind").asBoolean())
					.as("the list read while the store catches up says it is behind").isTrue();
				assertThat(page.path("storeStatus").path("lag").asLong()).isPositive();
			}

			await("all " + total + " alerts stored").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> StoreFaults.counts(direct, run).rows() == total);
			Duration catchUp = Duration.between(restoredAt, Instant.now());
			await("the store reported up to date again").atMost(Duration.ofSeconds(30))
				.until(() -> "UP".equals(storeHealth().path("status").asString()));
			System.out.printf("Caught up %.1f s after the database came back; health %s%n", StoreFaults.seconds(catchUp),
					storeHealth());

			StoreFaults.Counts counts = StoreFaults.counts(direct, run);
			assertThat(counts.distinct()).isEqualTo(counts.rows());
			List<String> expected = new ArrayList<>();
			before.forEach((a) -> expected.add(a.alertId()));
			during.forEach((a) -> expected.add(a.alertId()));
			assertThat(StoreFaults.storedIds(direct, run)).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(get("/api/alerts?size=5").path("storeStatus").path("behind").asBoolean()).isFalse();
		}
	}

	private JsonNode storeHealth() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/store"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** The answer, or null while the service cannot serve it (its database connections are being remade). */
	private JsonNode tryGet(String path) throws Exception {
		HttpResponse<String> response = send(path);
		return (response.statusCode() == 200) ? json.readTree(response.body()) : null;
	}

	private HttpResponse<String> send(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
