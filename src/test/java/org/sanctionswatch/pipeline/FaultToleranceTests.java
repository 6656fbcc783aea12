package org.sanctionswatch.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.pipeline.ArticleStream.BadRecord;
import org.sanctionswatch.pipeline.LabelledArticles.LabelledArticle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once under faults, black box: a real broker in a JVM of its own, the service in JVMs of their own,
 * articles in and alerts out through Kafka only. While 20,000 labelled articles and a few bad records stream in
 * over six partitions, the only screening instance is killed with SIGKILL and replaced, the broker is killed with
 * SIGKILL and restarted on the same port and log directory, and a second instance joins the group and later
 * leaves it. After each fault, once the group has caught up with what had been published when it struck, the
 * alert topic read with {@code read_committed} holds every expected alert of those articles once, nothing
 * twice and nothing unexpected, and the dead-letter topic holds each bad record once, with its reason.
 * <p>
 * The service JVMs run with shorter Kafka timeouts than Kafka's defaults (see {@link #SERVICE_SETTINGS}), so
 * that a killed instance's group membership and open transaction expire in seconds, not in a minute; what is
 * tested, the recovery itself, is the same. Override the size with {@code -Dfaults.articles=} and
 * {@code -Dfaults.rate=}; logs of every JVM are kept in {@code target/fault-tolerance}.
 */
class FaultToleranceTests {

	private static final int ARTICLE_COUNT = Integer.getInteger("faults.articles", 20_000);

	private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "150"));

	/** Articles the stream may publish ahead of the service, so that all four faults strike while it runs. */
	private static final long MAX_AHEAD = 3_000;

	private static final int PARTITIONS = 6;

	private static final int CONCURRENCY = 3;

	private static final String GROUP = ScreeningPipelineScenarios.GROUP;

	private static final String ARTICLES = ScreeningPipelineScenarios.ARTICLES;

	private static final String ALERTS = ScreeningPipelineScenarios.ALERTS;

	private static final String DEAD_LETTERS = ScreeningPipelineScenarios.DEAD_LETTERS;

	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(150);

	/** Broker settings: fewer internal partitions start and recover faster; timed-out transactions abort within 1 s. */
	private static final Map<String, String> BROKER_SETTINGS = Map.of(
			"offsets.topic.num.partitions", "6", "transaction.state.log.num.partitions", "6",
			"transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");

	/**
	 * What a killed instance leaves behind expires after these: its consumers' membership (Kafka's default 45 s)
	 * and its open transaction, which holds back both the alerts' last stable offset and the group's offsets
	 * (default 60 s). Everything else is production configuration.
	 */
	private static final List<String> SERVICE_SETTINGS = List.of(
			"--spring.kafka.consumer.properties.session.timeout.ms=6000",
			"--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
			"--spring.kafka.producer.properties.transaction.timeout.ms=10000");

	@TempDir
	Path dir;

	@BeforeAll
	static void quietKafkaClients() {
		KafkaLogLevels.quiet();
	}

	/**
	 * One fault and the recovery from it. The action is the fault itself (a kill, a broker down and started
	 * again, an instance starting and joining); the times after it run from its end: until the group commits
	 * again, and until it has committed everything published by then.
	 */
	record FaultRecovered(String fault, int articlesSent, long lagAtFault, boolean transactionOpen,
			double actionSeconds, double resumedSeconds, double caughtUpSeconds) {
	}

	@Test
	void everyAlertExactlyOnceThroughAKillABrokerRestartAndARebalance() throws Exception {
		long started = System.nanoTime();
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<LabelledArticle> articles = LabelledArticles.articles(run, ARTICLE_COUNT);
		Map<String, Set<String>> expected = LabelledArticles.expectedAlertIds(articles);
		Map<Integer, BadRecord> bad = badRecords(run, ARTICLE_COUNT);
		Path logs = Path.of("target", "fault-tolerance", run);
		List<FaultRecovered> recoveries = new ArrayList<>();
		List<ServiceJvm> services = new ArrayList<>();
		try (BrokerProcess broker = BrokerProcess.start(this.dir.resolve("kafka"), BROKER_SETTINGS, logs)) {
			String bootstrap = broker.bootstrapServers();
			createTopics(bootstrap);
			try (GroupProgress progress = new GroupProgress(bootstrap, GROUP, ARTICLES, ALERTS);
					ArticleStream stream = new ArticleStream(bootstrap, ARTICLES, articles, bad, RATE,
							progress::committedSumOrFail, MAX_AHEAD);
					Checks checks = new Checks(bootstrap, articles, expected, bad, stream)) {
				services.add(ServiceJvm.start("a1", serviceArguments(bootstrap), logs));
				stream.start();
				Faults faults = new Faults(stream, progress, services, recoveries, checks);

				faults.inject("instance SIGKILLed and restarted", 0.2, () -> {
					services.get(0).kill();
					services.add(ServiceJvm.start("a2", serviceArguments(bootstrap), logs));
				});
				faults.inject("broker SIGKILLed and restarted", 0.4, () -> {
					broker.kill();
					broker.restart();
				});
				faults.inject("second instance joins", 0.6, () -> {
					services.add(ServiceJvm.start("b", serviceArguments(bootstrap), logs));
					await("second instance's consumers in the group").atMost(RECOVERY_TIMEOUT)
						.pollInterval(Duration.ofMillis(200))
						.ignoreExceptions()
						.until(() -> progress.members() == 2 * CONCURRENCY);
				});
				faults.inject("second instance leaves", 0.8, () -> {
					services.get(2).stop();
					await("second instance's consumers gone").atMost(RECOVERY_TIMEOUT)
						.pollInterval(Duration.ofMillis(200))
						.ignoreExceptions()
						.until(() -> progress.members() == CONCURRENCY);
				});

				stream.awaitDone(5, TimeUnit.MINUTES);
				assertThat(stream.failures()).as("articles the stream could not publish").isEmpty();
				assertThat(stream.landed()).as("records published").hasSize(articles.size() + bad.size());
				await("the group screens every article and no transaction stays open").atMost(RECOVERY_TIMEOUT)
					.pollInterval(Duration.ofMillis(250))
					.ignoreExceptions()
					.failFast("the last instance exited", () -> services.get(1).exited())
					.until(() -> progress.reached(progress.inputEnd()) && progress.outputSettled());
				Tally tally = checks.assertExactlyOnce("at the end", null);
				System.out.printf("%n[fault tolerance] %d articles and %d bad records streamed at %.0f/s over %d "
						+ "partitions | %d faults injected | alerts expected %d, received %d (%d records), missing %d, "
						+ "doubled %d, unexpected %d | dead letters expected %d, received %d | total %.1f s%n",
						articles.size(), bad.size(), RATE, PARTITIONS, recoveries.size(), tally.expected(),
						tally.distinct(), tally.records(), tally.missing(), tally.doubled(), tally.unexpected(),
						bad.size(), tally.deadLetters(), seconds(System.nanoTime() - started));
				recoveries.forEach((r) -> System.out.printf("[fault tolerance] %-34s at article %5d, lag %5d, "
						+ "transaction open %-5s | fault took %4.1f s | then screening resumed after %4.1f s and caught "
						+ "up with what was published after %4.1f s%n", r.fault(), r.articlesSent(), r.lagAtFault(),
						r.transactionOpen(), r.actionSeconds(), r.resumedSeconds(), r.caughtUpSeconds()));
				System.out.println();
			}
		}
		finally {
			for (ServiceJvm service : services) {
				service.close();
			}
		}
		assertThat(recoveries).hasSize(4);
	}

	private static List<String> serviceArguments(String bootstrap) {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
				"--server.port=0", "--management.server.port=-1", "--spring.main.banner-mode=off",
				"--sanctions-watch.topics.partitions=" + PARTITIONS,
				"--spring.kafka.listener.concurrency=" + CONCURRENCY));
		arguments.addAll(SERVICE_SETTINGS);
		return arguments;
	}

	private static void createTopics(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(ARTICLES, PARTITIONS, (short) 1),
					new NewTopic(ALERTS, PARTITIONS, (short) 1), new NewTopic(DEAD_LETTERS, PARTITIONS, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	/** Eight bad records of five kinds, spread over the stream so that each fault has some before and after it. */
	private static Map<Integer, BadRecord> badRecords(String run, int count) {
		Map<Integer, BadRecord> bad = new LinkedHashMap<>();
		int[] permille = { 50, 150, 250, 350, 450, 550, 700, 900 };
		for (int i = 0; i < permille.length; i++) {
			int position = count * permille[i] / 1000;
			String key = "bad-" + run + "-" + position;
			bad.put(position, switch (i % 5) {
				case 0 -> new BadRecord(key, "not-json", "Hungary buys Tor-M2 systems <b>from Russia</b>".getBytes(UTF_8));
				case 1 -> new BadRecord(key, "empty", new byte[0]);
				case 2 -> new BadRecord(key, "missing-field",
						("{\"id\":\"" + key + "\",\"title\":\"A headline without a body\"}").getBytes(UTF_8));
				case 3 -> new BadRecord(key, "wrong-type", ("{\"id\":" + position
						+ ",\"body\":\"Serbia has signed a contract with Rosoboronexport for Pantsir-S1 systems.\"}")
					.getBytes(UTF_8));
				default -> {
					// 0xC3 opens a two-byte sequence that 0x28 cannot continue
					byte[] value = ("{\"id\":\"" + key + "\",\"body\":\"Caf__ owners signed nothing.\"}").getBytes(UTF_8);
					int at = new String(value, UTF_8).indexOf("__");
					value[at] = (byte) 0xC3;
					value[at + 1] = (byte) 0x28;
					yield new BadRecord(key, "invalid-utf8", value);
				}
			});
		}
		return bad;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	interface FaultAction {

		void run() throws Exception;

	}

	/** Injects one fault at a time, at a point of the stream, then waits for the recovery and checks the topics. */
	private record Faults(ArticleStream stream, GroupProgress progress, List<ServiceJvm> services,
			List<FaultRecovered> recoveries, Checks checks) {

		void inject(String name, double atShare, FaultAction action) throws Exception {
			int at = (int) (ARTICLE_COUNT * atShare);
			await("stream reaches article " + at).atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.stream.sent() >= at);
			long lag = this.progress.lag();
			// Strike while a transaction is open on the alert topic, when there is most to lose
			boolean open = awaitQuietly(() -> !this.progress.outputSettled(), Duration.ofSeconds(5));
			int sent = this.stream.sent();
			long start = System.nanoTime();
			action.run();
			double actionSeconds = seconds(System.nanoTime() - start);
			long afterAction = System.nanoTime();
			Map<TopicPartition, Long> published = await(name + ": broker answers").atMost(RECOVERY_TIMEOUT)
				.ignoreExceptions()
				.until(this.progress::inputEnd, (end) -> true);
			long committedAfter = await(name + ": broker answers").atMost(RECOVERY_TIMEOUT)
				.ignoreExceptions()
				.until(this.progress::committedSum, (sum) -> true);
			await(name + ": screening resumes").atMost(RECOVERY_TIMEOUT)
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.failFast("no service JVM running", () -> this.services.stream().allMatch(ServiceJvm::exited))
				// Or nothing left to screen, when the group had caught up with a stream that has ended
				.until(() -> this.progress.committedSum() > committedAfter || this.progress.reached(this.progress.inputEnd()));
			double resumed = seconds(System.nanoTime() - afterAction);
			await(name + ": the group catches up with " + published).atMost(RECOVERY_TIMEOUT)
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.until(() -> this.progress.reached(published));
			double caughtUp = seconds(System.nanoTime() - afterAction);
			this.recoveries.add(new FaultRecovered(name, sent, lag, open, actionSeconds, resumed, caughtUp));
			this.checks.assertExactlyOnce("after '" + name + "'", published);
		}

		private static boolean awaitQuietly(java.util.concurrent.Callable<Boolean> condition, Duration timeout) {
			try {
				await().atMost(timeout).pollInterval(Duration.ofMillis(5)).ignoreExceptions().until(condition);
				return true;
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				return false;
			}
		}

	}

	record Tally(int expected, int distinct, int records, int missing, int doubled, int unexpected, int deadLetters) {
	}

	/** The exactly-once checks on what is committed on the alert and dead-letter topics. */
	private static final class Checks implements AutoCloseable {

		private final CommittedRecords alerts;

		private final CommittedRecords deadLetters;

		private final List<LabelledArticle> articles;

		private final Map<String, Set<String>> expected;

		private final Map<String, BadRecord> bad = new HashMap<>();

		private final Set<String> allExpected = new HashSet<>();

		private final ArticleStream stream;

		Checks(String bootstrap, List<LabelledArticle> articles, Map<String, Set<String>> expected,
				Map<Integer, BadRecord> bad, ArticleStream stream) {
			this.stream = stream;
			this.alerts = new CommittedRecords(bootstrap, ALERTS);
			this.deadLetters = new CommittedRecords(bootstrap, DEAD_LETTERS);
			this.articles = articles;
			this.expected = expected;
			bad.values().forEach((record) -> this.bad.put(record.key(), record));
			expected.values().forEach(this.allExpected::addAll);
		}

		/**
		 * Checks the alert and dead-letter topics: nothing twice and nothing unexpected anywhere, and every alert
		 * and dead letter of the records below {@code screenedUpTo} (all records if null) present.
		 */
		Tally assertExactlyOnce(String when, Map<TopicPartition, Long> screenedUpTo) {
			List<ConsumerRecord<String, byte[]>> alertRecords = this.alerts.catchUp();
			List<String> alertIds = alertRecords.stream()
				.map((record) -> ScreeningPipelineScenarios.alert(record).alertId())
				.toList();
			Map<String, Long> counts = alertIds.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			List<String> doubled = counts.entrySet().stream().filter((e) -> e.getValue() > 1).map(Map.Entry::getKey).toList();
			Set<String> unexpected = new HashSet<>(counts.keySet());
			unexpected.removeAll(this.allExpected);
			Set<String> due = new HashSet<>();
			for (LabelledArticle article : this.articles) {
				if (screened(article.id(), screenedUpTo)) {
					due.addAll(this.expected.get(article.id()));
				}
			}
			Set<String> missing = new HashSet<>(due);
			missing.removeAll(counts.keySet());
			System.out.printf("[fault tolerance] %s: %d alerts due, %d records committed (%d distinct), %d missing, "
					+ "%d doubled, %d unexpected%n", when, due.size(), alertRecords.size(), counts.size(),
					missing.size(), doubled.size(), unexpected.size());
			assertThat(doubled).as("alerts committed twice, %s", when).isEmpty();
			assertThat(alertRecords).as("alert records, %s", when).hasSize(counts.size());
			assertThat(unexpected).as("alerts nobody expected, %s", when).isEmpty();
			assertThat(missing).as("expected alerts missing, %s", when).isEmpty();

			Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = this.deadLetters.catchUp()
				.stream()
				.collect(Collectors.groupingBy((record) -> String.valueOf(record.key())));
			assertThat(this.bad).as("bad records that must be dead-lettered, %s", when)
				.containsKeys(deadLetters.keySet().toArray(String[]::new));
			this.bad.forEach((key, record) -> {
				List<ConsumerRecord<String, byte[]>> copies = deadLetters.getOrDefault(key, List.of());
				if (screened(key, screenedUpTo)) {
					assertThat(copies).as("dead letters of %s (%s), %s", key, record.reason(), when).hasSize(1);
				}
				assertThat(copies).as("dead letters of %s, %s", key, when).hasSizeLessThanOrEqualTo(1);
				copies.forEach((copy) -> {
					assertThat(ScreeningPipelineScenarios.header(copy, ArticleDeadLetters.REASON_HEADER))
						.as("reason of %s", key)
						.isEqualTo(record.reason());
					assertThat(copy.value()).as("value of %s", key).isEqualTo(record.value());
				});
			});
			int deadLettered = deadLetters.values().stream().mapToInt(List::size).sum();
			return new Tally(this.allExpected.size(), counts.size(), alertRecords.size(), missing.size(),
					doubled.size(), unexpected.size(), deadLettered);
		}

		private boolean screened(String key, Map<TopicPartition, Long> upTo) {
			if (upTo == null) {
				return true;
			}
			RecordMetadata landed = this.stream.landed().get(key);
			return landed != null
					&& landed.offset() < upTo.getOrDefault(new TopicPartition(landed.topic(), landed.partition()), 0L);
		}

		@Override
		public void close() {
			this.alerts.close();
			this.deadLetters.close();
		}

	}

}
