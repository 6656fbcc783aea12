package org.sanctionswatch.alertstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.alert.AlertRaised;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store consumer killed (SIGKILL) while it stores a few thousand alerts, in a child JVM running the service
 * against the real PostgreSQL server and an embedded KRaft broker; a second JVM then finishes the job. Every alert
 * must end up in the database exactly once: what the first JVM stored but did not commit is delivered again, and the
 * store's idempotent insert must absorb it.
 */
@EmbeddedKafka(partitions = 3)
class AlertStoreCrashTests {

	private static final int ALERT_COUNT = 3000;

	private PostgresDatabase database;

	@AfterEach
	void dropSchema() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void everyAlertIsStoredExactlyOnceAcrossAKilledStoreConsumer(EmbeddedKafkaBroker broker, @TempDir Path logs)
			throws Exception {
		this.database = PostgresDatabase.onLocalServer();
		JdbcTemplate direct = new JdbcTemplate(this.database.dataSource());
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bootstrap = broker.getBrokersAsString();
		String alerts = "crash-" + run + ".alerts";
		String group = "sanctions-watch-dashboard-" + run;
		List<AlertRaised> published = StoreFaults.alerts(run, 0, ALERT_COUNT);
		try (Admin admin = StoreFaults.admin(bootstrap);
				KafkaProducer<String, byte[]> producer = StoreFaults.producer(bootstrap)) {
			admin.createTopics(List.of(new NewTopic(alerts, 3, (short) 1), new NewTopic("crash-" + run + ".articles", 3,
					(short) 1))).all().get(30, TimeUnit.SECONDS);
			StoreFaults.publish(producer, alerts, published);

			long storedAtKill;
			Map<TopicPartition, Long> committedAtKill;
			Instant started = Instant.now();
			try (StoreProcess first = StoreProcess.start(bootstrap, run, this.database.url(), logs.resolve("first.log"))) {
				// mid-batch: some stored, most not
				await("the first JVM storing").atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(20))
					// the schema is there once the child's Flyway has run
					.ignoreException(BadSqlGrammarException.class)
					.failFast("the first JVM exited", first::exited)
					.until(() -> StoreFaults.counts(direct, run).rows() >= 300);
				first.kill();
				storedAtKill = StoreFaults.counts(direct, run).rows();
				committedAtKill = StoreFaults.committed(admin, group, alerts);
			}
			System.out.printf("Killed the first JVM %.1f s after its start with %d of %d alerts stored and %d committed %s%n",
					StoreFaults.seconds(Duration.between(started, Instant.now())), storedAtKill, ALERT_COUNT,
					StoreFaults.sum(committedAtKill), committedAtKill);
			assertThat(storedAtKill).as("killed mid-batch").isLessThan(ALERT_COUNT);

			Instant restarted = Instant.now();
			try (StoreProcess second = StoreProcess.start(bootstrap, run, this.database.url(),
					logs.resolve("second.log"))) {
				await("every alert stored").atMost(Duration.ofSeconds(180))
					.pollInterval(Duration.ofMillis(200))
					.failFast("the second JVM exited", second::exited)
					.until(() -> StoreFaults.counts(direct, run).rows() >= ALERT_COUNT);
				System.out.printf("The second JVM stored the remaining %d alerts %.1f s after its start%n",
						ALERT_COUNT - storedAtKill, StoreFaults.seconds(Duration.between(restarted, Instant.now())));
				// its commits catch up with the topic's end, so nothing more can come
				await("the second JVM committed everything").atMost(Duration.ofSeconds(60))
					.until(() -> StoreFaults.sum(StoreFaults.committed(admin, group, alerts)) == ALERT_COUNT);
			}
		}
		StoreFaults.Counts counts = StoreFaults.counts(direct, run);
		assertThat(counts.rows()).as("alert rows").isEqualTo(ALERT_COUNT);
		assertThat(counts.distinct()).as("distinct alert ids").isEqualTo(ALERT_COUNT);
		assertThat(StoreFaults.storedIds(direct, run))
			.containsExactlyInAnyOrderElementsOf(published.stream().map(AlertRaised::alertId).toList());
		// a case per rule and parties, however many times its alerts were delivered
		assertThat(direct.queryForObject("SELECT COUNT(*) FROM alert_case", Long.class)).isEqualTo(3);
	}

	/** The service in a child JVM with the test's classpath, storing alerts of this run's topics into PostgreSQL. */
	static final class StoreProcess implements AutoCloseable {

		private final Process process;

		private final Path log;

		private StoreProcess(Process process, Path log) {
			this.process = process;
			this.log = log;
		}

		static StoreProcess start(String bootstrapServers, String run, String jdbcUrl, Path log) throws IOException {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
					"org.sanctionswatch.SanctionsWatchApplication",
					"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--server.port=0",
					"--management.server.port=-1", "--spring.main.banner-mode=off",
					"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
					"--spring.datasource.password=",
					"--sanctions-watch.topics.alerts=crash-" + run + ".alerts",
					"--sanctions-watch.topics.articles=crash-" + run + ".articles",
					"--sanctions-watch.topics.dead-letter=crash-" + run + ".dlq", "--sanctions-watch.topics.partitions=3",
					"--sanctions-watch.dashboard.decisions-topic=crash-" + run + ".decisions",
					"--spring.kafka.consumer.group-id=sanctions-watch-" + run,
					"--sanctions-watch.dashboard.store-group=sanctions-watch-dashboard-" + run,
					// the killed JVM's consumer holds its partitions until this times out (default 45 s)
					"--spring.kafka.consumer.properties.session.timeout.ms=6000"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new StoreProcess(process, log);
		}

		boolean exited() {
			if (this.process.isAlive()) {
				return false;
			}
			System.out.println("Store JVM exited with " + this.process.exitValue() + "; end of its log:");
			try {
				List<String> lines = Files.readAllLines(this.log);
				System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
			}
			catch (IOException ex) {
				System.out.println("(" + ex + ")");
			}
			return true;
		}

		/** SIGKILL: no shutdown hook, no offset commit, no consumer leaving the group. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("store JVM killed").isTrue();
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				kill();
			}
		}

	}

}
