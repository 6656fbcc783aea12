package org.sanctionswatch.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.screening.ScreeningEngine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline scenarios, written against nothing but a bootstrap-servers string, so that the same checks run
 * on the embedded KRaft broker and on a Kafka container. They see the service only through Kafka, as any other
 * client would: plain producers, and consumers that read with {@code isolation.level=read_committed} because
 * alerts are written in transactions.
 * <p>
 * Scenarios a to c expect a service (group {@value #GROUP}, default topics, the properties in
 * {@value #PROPERTIES}) to be running against the broker; scenario d starts its own, as child JVMs.
 */
final class ScreeningPipelineScenarios {

	/** The test properties both test classes use: a low article size limit and a quiet broker shutdown. */
	static final String PROPERTIES = "classpath:org/sanctionswatch/pipeline/screening-pipeline.properties";

	static final String ARTICLES = "news.articles";

	static final String ALERTS = "sanctions.alerts";

	static final String DEAD_LETTERS = "news.articles.dlq";

	static final String GROUP = "sanctions-watch";

	/** The value of sanctions-watch.articles.max-bytes in {@value #PROPERTIES}. */
	static final int MAX_BYTES = 65_536;

	static final String CAATSA_231 = "CAATSA-231";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Duration CRASH_WAIT = Duration.ofSeconds(120);

	private static final JsonMapper json = JsonMapper.shared();

	// Written for these tests: the story of the demo article, in other words
	static final String SEED_TITLE = "Ankara close to buying more S-400 systems from Moscow";

	static final String SEED_BODY = """
			Turkey's top defence-procurement official says Ankara and Moscow are close to a contract for a second \
			batch of S-400 air defence systems.

			The open questions concern joint production of missile parts in Turkey and the sharing of technology, \
			he told journalists in Ankara on Friday.

			Russia has also offered to sell Turkey Su-35 fighter jets, he said.

			Sergei Chemezov, who heads the Russian state conglomerate Rostec, has put the value of the first S-400 \
			deal at $2.5 billion.""";

	/** Articles that name a weapon system, a buyer or Russia, but report no deal the rules cover. */
	static final Map<String, String> NEAR_MISSES = Map.of(
			"parade", "S-400 launchers and Su-57 jets rolled across Red Square in Moscow during the Victory Day "
					+ "parade on Sunday, watched by veterans.",
			"f16-greece", "The US State Department has approved the possible sale of F-16 fighter jets to Greece, "
					+ "a package worth about $8 billion.",
			"wheat", "Algeria's grain agency OAIC booked about half a million tonnes of milling wheat from "
					+ "Russian exporters, European traders said.",
			"tor", "The Tor Project released a new version of the Tor browser that makes fingerprinting users harder.",
			"mercedes", "We drove the Mercedes-Benz S 400 d for a week: the six-cylinder diesel is smooth, the seats "
					+ "are superb and the S 400 costs about 110,000 euros.",
			"truck", "A truck carrying parts of an S-400 launcher overturned on a highway near Astrakhan, and its "
					+ "driver was slightly injured, local police said.");

	private static final List<String> FIRING_TEMPLATES = List.of(
			"%s has signed a contract with Rosoboronexport for a battery of Pantsir-S1 air defence systems.",
			"%s agreed to buy 12 Su-30MKI fighters from Russia, the defence ministry said.",
			"%s took delivery of Mi-28 attack helicopters bought from Russia, local media reported.",
			"%s signed a deal with Rosoboronexport for two more Kilo-class submarines.");

	private static final List<String> BUYERS = List.of("Serbia", "Vietnam", "Algeria", "Egypt", "India",
			"Indonesia", "Malaysia", "Myanmar", "Kazakhstan", "Armenia", "Laos", "Uganda");

	private static final List<String> QUIET_TEMPLATES = List.of(
			"S-400 launchers and Su-57 jets rolled across Red Square during rehearsal %d of the Victory Day parade.",
			"The US State Department has approved the possible sale of %d F-16 fighter jets to Greece.",
			"Algeria's grain agency OAIC booked %d tonnes of milling wheat from Russian exporters, traders said.",
			"The Tor Project released version %d of the Tor browser, which makes fingerprinting users harder.",
			"We drove the Mercedes-Benz S 400 d for %d days: the six-cylinder diesel is smooth and the seats are superb.",
			"A truck carrying parts of an S-400 launcher overturned near Astrakhan, injuring %d people, police said.");

	private ScreeningPipelineScenarios() {
	}

	// ---- a. the seed-like article ----

	static void seedArticleRaisesOneCaatsa231Alert(String bootstrapServers) {
		String id = uniqueId("s400-second-batch");
		RecordMetadata sent = send(bootstrapServers, record(ARTICLES, id, article(id, SEED_TITLE, SEED_BODY)));
		// The offset is committed in the transaction that carries the alerts: once it moves, they are all visible
		awaitScreened(bootstrapServers, GROUP, List.of(sent));
		List<ConsumerRecord<String, byte[]>> records = alertRecordsFor(bootstrapServers, ALERTS, id);
		List<ConsumerRecord<String, byte[]>> caatsa = records.stream()
			.filter((record) -> CAATSA_231.equals(alert(record).ruleId()))
			.toList();
		assertThat(caatsa).as("CAATSA-231 alert records for %s", id).hasSize(1);
		ConsumerRecord<String, byte[]> record = caatsa.get(0);
		AlertRaised alert = alert(record);
		assertThat(records.stream().filter((r) -> alert(r).alertId().equals(alert.alertId())))
			.as("records with alertId %s", alert.alertId()).hasSize(1);
		assertThat(alert.articleId()).isEqualTo(id);
		assertThat(alert.exposedParties()).extracting(AlertRaised.Party::entryId).contains("country:TR");
		assertThat(alert.counterparties()).extracting(AlertRaised.Party::name)
			.containsAnyOf("Rosoboronexport", "Rostec");
		assertThat(alert.systems()).extracting(AlertRaised.Item::entryId).contains("system:s-400");
		assertThat(alert.evidence()).isNotEmpty()
			.allSatisfy((span) -> assertThat(SEED_BODY.substring(span.start(), span.end())).isEqualTo(span.text()));
		assertCloudEvent(record, alert, id);
	}

	private static void assertCloudEvent(ConsumerRecord<String, byte[]> record, AlertRaised alert, String articleId) {
		assertThat(record.key()).isEqualTo(articleId);
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_id")).isEqualTo(alert.alertId());
		assertThat(header(record, "ce_type")).isEqualTo("org.sanctionswatch.alert.raised.v1");
		assertThat(header(record, "ce_source")).isEqualTo("urn:sanctions-watch:screening");
		assertThat(header(record, "ce_subject")).isEqualTo(articleId);
		assertThat(header(record, "ce_time")).isEqualTo(alert.detectedAt());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
	}

	// ---- b. unrelated and near-miss articles ----

	static void nearMissesRaiseNoAlert(String bootstrapServers) {
		Map<String, String> ids = new LinkedHashMap<>();
		List<RecordMetadata> sent = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
			NEAR_MISSES.forEach((name, body) -> {
				String id = uniqueId("near-miss-" + name);
				ids.put(id, name);
				sent.add(send(producer, record(ARTICLES, id, article(id, null, body))));
			});
			// A control that fires, screened with the others: no alert then means quiet, not unread
			String control = uniqueId("control");
			sent.add(send(producer, record(ARTICLES, control, article(control, null, firingBody(0)))));
			awaitScreened(bootstrapServers, GROUP, sent);
			List<AlertRaised> alerts = readAll(bootstrapServers, ALERTS, IsolationLevel.READ_COMMITTED).stream()
				.map(ScreeningPipelineScenarios::alert)
				.toList();
			assertThat(alerts).filteredOn((alert) -> ids.containsKey(alert.articleId()))
				.as("alerts on near misses %s", ids.values())
				.isEmpty();
			assertThat(alerts).filteredOn((alert) -> alert.articleId().equals(control))
				.extracting(AlertRaised::ruleId)
				.containsExactly(CAATSA_231);
		}
	}

	// ---- c. bad records go to the dead-letter topic, and the partition moves on ----

	static void badRecordsAreDeadLetteredWithTheirReason(String bootstrapServers) {
		Map<String, BadRecord> bad = badRecords();
		String good = uniqueId("after-bad-records");
		List<RecordMetadata> sent = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
			// One partition for all: the good article queues behind every bad one
			bad.forEach((key, badRecord) -> sent.add(send(producer, record(ARTICLES, 0, key, badRecord.value()))));
			sent.add(send(producer, record(ARTICLES, 0, good, article(good, null, firingBody(1)))));
		}
		awaitScreened(bootstrapServers, GROUP, sent);
		Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = readAll(bootstrapServers, DEAD_LETTERS,
				IsolationLevel.READ_COMMITTED).stream()
			.filter((record) -> bad.containsKey(record.key()))
			.collect(Collectors.groupingBy(ConsumerRecord::key));
		assertThat(deadLetters).as("dead-lettered keys").containsOnlyKeys(bad.keySet());
		bad.forEach((key, expected) -> {
			List<ConsumerRecord<String, byte[]>> copies = deadLetters.get(key);
			assertThat(copies).as("dead letters of the %s record", expected.reason()).hasSize(1);
			ConsumerRecord<String, byte[]> deadLetter = copies.get(0);
			assertThat(header(deadLetter, ArticleDeadLetters.REASON_HEADER)).as("reason of %s", key)
				.isEqualTo(expected.reason());
			assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(ARTICLES);
			assertThat(deadLetter.value()).as("value of %s", key).isEqualTo(expected.value());
		});
		List<AlertRaised> alerts = readAll(bootstrapServers, ALERTS, IsolationLevel.READ_COMMITTED).stream()
			.map(ScreeningPipelineScenarios::alert)
			.toList();
		assertThat(alerts).filteredOn((alert) -> alert.articleId().equals(good))
			.extracting(AlertRaised::ruleId)
			.containsExactly(CAATSA_231);
		// The over-size record is a firing article: the limit, not the content, must have stopped it
		assertThat(alerts).filteredOn((alert) -> bad.containsKey(alert.articleId())).isEmpty();
	}

	record BadRecord(String reason, byte[] value) {
	}

	private static Map<String, BadRecord> badRecords() {
		Map<String, BadRecord> bad = new LinkedHashMap<>();
		bad.put(uniqueId("bad-not-json"), new BadRecord("not-json",
				utf8("Serbia buys Pantsir-S1 systems from Russia <p>not an article</p>")));
		bad.put(uniqueId("bad-empty"), new BadRecord("empty", new byte[0]));
		String missingBody = uniqueId("bad-missing-body");
		bad.put(missingBody, new BadRecord("missing-field",
				utf8("{\"id\":\"" + missingBody + "\",\"title\":\"A title and nothing else\"}")));
		bad.put(uniqueId("bad-wrong-type"), new BadRecord("wrong-type",
				utf8("{\"id\":42,\"body\":\"" + firingBody(2) + "\"}")));
		String invalidUtf8 = uniqueId("bad-invalid-utf8");
		// 0xC3 starts a two-byte sequence that 0x28 cannot continue
		byte[] prefix = utf8("{\"id\":\"" + invalidUtf8 + "\",\"body\":\"Caf");
		byte[] suffix = utf8(" owners signed nothing.\"}");
		byte[] broken = new byte[prefix.length + 2 + suffix.length];
		System.arraycopy(prefix, 0, broken, 0, prefix.length);
		broken[prefix.length] = (byte) 0xC3;
		broken[prefix.length + 1] = (byte) 0x28;
		System.arraycopy(suffix, 0, broken, prefix.length + 2, suffix.length);
		bad.put(invalidUtf8, new BadRecord("invalid-utf8", broken));
		String tooLarge = uniqueId("bad-too-large");
		bad.put(tooLarge, new BadRecord("too-large", oversizeArticle(tooLarge, 70_000)));
		return bad;
	}

	/** A valid, firing article padded to exactly {@code size} bytes, above {@link #MAX_BYTES}. */
	private static byte[] oversizeArticle(String id, int size) {
		byte[] shell = article(id, null, firingBody(3) + "\n\n");
		int padding = size - shell.length;
		String body = firingBody(3) + "\n\n" + "x".repeat(padding);
		byte[] value = article(id, null, body);
		assertThat(value).hasSize(size);
		assertThat(size).isGreaterThan(MAX_BYTES);
		return value;
	}

	// ---- d. exactly once across a crash ----

	/**
	 * Publishes articles, starts the service in a child JVM, kills it (SIGKILL) once some but not all alerts are
	 * committed, starts a second one and checks the alert topic holds each expected alert exactly once. The
	 * topics and the consumer group are new, so a service already running against the broker is not involved.
	 */
	static void alertsAreExactlyOnceAcrossACrash(String bootstrapServers, int articleCount) throws Exception {
		long started = System.nanoTime();
		String run = UUID.randomUUID().toString().substring(0, 8);
		CrashTopics topics = new CrashTopics("crash-" + run + ".articles", "crash-" + run + ".alerts",
				"crash-" + run + ".dlq", "crash-" + run);
		createTopics(bootstrapServers, topics);
		List<CrashArticle> articles = crashArticles(run, articleCount);
		Set<String> expected = expectedAlertIds(articles);
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
			articles.forEach((a) -> producer.send(record(topics.articles(), a.id(), article(a.id(), null, a.body()))));
			producer.flush();
		}
		Path logs = Files.createDirectories(Path.of("target", "screening-pipeline-it"));
		int committedAtKill;
		long uncommittedAtKill;
		double firstSeconds;
		double secondSeconds;
		try (AlertLog alerts = new AlertLog(bootstrapServers, topics.alerts())) {
			long firstStart = System.nanoTime();
			try (ServiceJvm first = startService(bootstrapServers, topics, logs, run + "-1")) {
				// Kill early, so that most of the work, and likely an open transaction, is cut short
				int killAt = Math.max(1, expected.size() / 10);
				await("first service JVM commits " + killAt + " alerts").atMost(CRASH_WAIT)
					.pollInSameThread()
					.pollInterval(Duration.ofMillis(20))
					.failFast("first service JVM exited", first::exited)
					.until(() -> alerts.poll().size() >= killAt);
				first.kill();
			}
			firstSeconds = seconds(System.nanoTime() - firstStart);
			committedAtKill = alerts.poll().size();
			uncommittedAtKill = recordCount(bootstrapServers, topics.alerts(), IsolationLevel.READ_UNCOMMITTED);
			assertThat(committedAtKill).as("alerts committed when the first JVM was killed")
				.isPositive()
				.isLessThan(expected.size());
			long secondStart = System.nanoTime();
			try (ServiceJvm second = startService(bootstrapServers, topics, logs, run + "-2")) {
				awaitSettled(bootstrapServers, topics, second);
			}
			secondSeconds = seconds(System.nanoTime() - secondStart);
		}
		List<String> committed = readAll(bootstrapServers, topics.alerts(), IsolationLevel.READ_COMMITTED).stream()
			.map((record) -> alert(record).alertId())
			.toList();
		long allWritten = recordCount(bootstrapServers, topics.alerts(), IsolationLevel.READ_UNCOMMITTED);
		Map<String, Long> counts = committed.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		long duplicates = counts.values().stream().mapToLong((count) -> count - 1).sum();
		Set<String> missing = new HashSet<>(expected);
		missing.removeAll(counts.keySet());
		Set<String> unexpected = new HashSet<>(counts.keySet());
		unexpected.removeAll(expected);
		System.out.printf("%n[exactly-once across a crash] %s: %d articles, %d expected alerts | first JVM killed "
				+ "after %.1f s with %d alerts committed (%d records written) | second JVM done in %.1f s | alert "
				+ "topic, read_committed: %d records, %d distinct, %d duplicates, %d missing, %d unexpected; "
				+ "%d records in the log in all (aborted ones included) | total %.1f s%n%n", bootstrapServers,
				articles.size(), expected.size(), firstSeconds, committedAtKill, uncommittedAtKill, secondSeconds,
				committed.size(), counts.size(), duplicates, missing.size(), unexpected.size(), allWritten,
				seconds(System.nanoTime() - started));
		assertThat(duplicates).as("alerts committed twice").isZero();
		assertThat(missing).as("expected alerts missing").isEmpty();
		assertThat(unexpected).as("alerts nobody expected").isEmpty();
		assertThat(committed).hasSize(expected.size());
	}

	record CrashTopics(String articles, String alerts, String deadLetter, String group) {
	}

	/**
	 * Done means: every article's offset is committed, and no transaction is open on the alert topic (the killed
	 * JVM's last one has been aborted), so nothing can still appear or disappear.
	 */
	private static void awaitSettled(String bootstrapServers, CrashTopics topics, ServiceJvm service) {
		try (Admin admin = admin(bootstrapServers)) {
			await("second service JVM screens every article").atMost(CRASH_WAIT)
				.pollInterval(Duration.ofMillis(250))
				.failFast("second service JVM exited", service::exited)
				.ignoreException(ExecutionException.class)
				.untilAsserted(() -> assertThat(unscreened(admin, topics)).as(progress(admin, topics)).isZero());
			await("no open transaction on " + topics.alerts()).atMost(CRASH_WAIT)
				.pollInterval(Duration.ofMillis(250))
				.ignoreException(ExecutionException.class)
				.untilAsserted(() -> assertThat(endOffsets(admin, topics.alerts(), IsolationLevel.READ_COMMITTED))
					.as(progress(admin, topics))
					.isEqualTo(endOffsets(admin, topics.alerts(), IsolationLevel.READ_UNCOMMITTED)));
		}
	}

	/** Articles past the group's stable committed offsets. */
	private static long unscreened(Admin admin, CrashTopics topics) throws ExecutionException, InterruptedException {
		Map<TopicPartition, Long> end = endOffsets(admin, topics.articles(), IsolationLevel.READ_UNCOMMITTED);
		Map<TopicPartition, OffsetAndMetadata> done = committedOffsets(admin, topics.group(), true);
		return end.entrySet().stream()
			.mapToLong((e) -> e.getValue() - ((done.get(e.getKey()) != null) ? done.get(e.getKey()).offset() : 0))
			.sum();
	}

	/** Where a wait stands, for its failure message: offsets with pending commits included, and open transactions. */
	private static String progress(Admin admin, CrashTopics topics) {
		try {
			return "articles end " + endOffsets(admin, topics.articles(), IsolationLevel.READ_UNCOMMITTED)
					+ ", committed (pending included) " + committedOffsets(admin, topics.group(), false)
					+ "; alerts end " + endOffsets(admin, topics.alerts(), IsolationLevel.READ_UNCOMMITTED)
					+ ", last stable " + endOffsets(admin, topics.alerts(), IsolationLevel.READ_COMMITTED)
					+ "; transactions " + admin.listTransactions().all().get().stream()
						.filter((listing) -> !listing.state().toString().startsWith("Complete")
								&& !listing.state().toString().equals("Empty"))
						.map((listing) -> listing.transactionalId() + "=" + listing.state())
						.toList();
		}
		catch (ExecutionException | InterruptedException ex) {
			return "(progress unknown: " + ex + ")";
		}
	}

	record CrashArticle(String id, String body, boolean fires) {
	}

	/** Ids of several shapes (slashes, colons, non-ASCII), two firing articles in five. */
	private static List<CrashArticle> crashArticles(String run, int count) {
		List<CrashArticle> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = switch (i % 4) {
				case 0 -> "wire-" + run + "-" + i;
				case 1 -> "urn:example:news:" + run + ":" + i;
				case 2 -> "2019/12/" + run + "/story-" + i;
				default -> "artículo-" + run + "-" + i + "-ü";
			};
			boolean fires = i % 5 < 2;
			articles.add(new CrashArticle(id, fires ? firingBody(i) : quietBody(i), fires));
		}
		return articles;
	}

	/**
	 * The alert ids the service must publish, from the screening engine over the bundled rules and reference data,
	 * which is what the child JVMs load. Also checks that the articles fire as designed, so that a change to the
	 * rules shows up as that, not as a lost alert.
	 */
	private static Set<String> expectedAlertIds(List<CrashArticle> articles) {
		RuleRepository rules = new RuleRepository(ReferenceData.bundled().transactionKinds(), true, null);
		ScreeningEngine engine = ScreeningEngine.standalone(rules::current);
		Set<String> ids = new HashSet<>();
		for (CrashArticle article : articles) {
			List<AlertRaised> alerts = engine
				.screen(new Article(article.id(), null, article.body(), null, null, null, "en"))
				.alerts();
			assertThat(alerts).as("alerts of fixture article '%s'", article.body())
				.extracting(AlertRaised::ruleId)
				.containsExactlyElementsOf(article.fires() ? List.of(CAATSA_231) : List.of());
			alerts.forEach((alert) -> ids.add(alert.alertId()));
		}
		return ids;
	}

	static String firingBody(int i) {
		return FIRING_TEMPLATES.get(i % FIRING_TEMPLATES.size()).formatted(BUYERS.get(i % BUYERS.size()));
	}

	private static String quietBody(int i) {
		return QUIET_TEMPLATES.get(i % QUIET_TEMPLATES.size()).formatted(i + 2);
	}

	/** The service in a JVM of its own, on the crash test's topics and group. */
	private static ServiceJvm startService(String bootstrapServers, CrashTopics topics, Path logs, String name)
			throws IOException {
		return ServiceJvm.start(name, List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers, "--server.port=0",
				"--management.server.port=-1", "--spring.main.banner-mode=off",
				"--sanctions-watch.topics.articles=" + topics.articles(),
				"--sanctions-watch.topics.alerts=" + topics.alerts(),
				"--sanctions-watch.topics.dead-letter=" + topics.deadLetter(),
				"--sanctions-watch.topics.partitions=3", "--spring.kafka.consumer.group-id=" + topics.group(),
				// The killed JVM's consumer and open transaction block the group until these time out
				// (defaults 45 s and 60 s); shorter keeps the test quick and tests the same recovery
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.producer.properties.transaction.timeout.ms=10000",
				// Small polls make many small transactions, so that the kill lands between and inside them
				"--spring.kafka.consumer.max-poll-records=10"), logs);
	}

	/** Alert ids committed so far, read with one consumer that keeps its position between polls. */
	static final class AlertLog implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		private final List<String> alertIds = new ArrayList<>();

		AlertLog(String bootstrapServers, String topic) {
			this.consumer = consumer(bootstrapServers, IsolationLevel.READ_COMMITTED);
			List<TopicPartition> partitions = partitions(this.consumer, topic);
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
		}

		List<String> poll() {
			this.consumer.poll(Duration.ofMillis(100)).forEach((record) -> this.alertIds.add(alert(record).alertId()));
			return this.alertIds;
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(5));
		}

	}

	// ---- Kafka helpers ----

	static String uniqueId(String name) {
		return name + "-" + UUID.randomUUID();
	}

	static byte[] article(String id, String title, String body) {
		Map<String, String> article = new LinkedHashMap<>();
		article.put("id", id);
		if (title != null) {
			article.put("title", title);
		}
		article.put("body", body);
		article.put("url", "https://example.org/it/" + id);
		article.put("source", "integration-test");
		article.put("publishedAt", "2019-12-13T14:20:00Z");
		article.put("language", "en");
		return json.writeValueAsBytes(article);
	}

	private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
		return new ProducerRecord<>(topic, key, value);
	}

	private static ProducerRecord<String, byte[]> record(String topic, int partition, String key, byte[] value) {
		return new ProducerRecord<>(topic, partition, key, value);
	}

	static AlertRaised alert(ConsumerRecord<String, byte[]> record) {
		return json.readValue(record.value(), AlertRaised.class);
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	private static RecordMetadata send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
			return send(producer, record);
		}
	}

	private static RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
		try {
			return producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send " + record.key() + " to " + record.topic(), ex);
		}
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, IsolationLevel isolation) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, uniqueId("it-reader"),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
	}

	private static void createTopics(String bootstrapServers, CrashTopics topics) throws Exception {
		try (Admin admin = admin(bootstrapServers)) {
			admin.createTopics(List.of(new NewTopic(topics.articles(), 3, (short) 1),
					new NewTopic(topics.alerts(), 3, (short) 1), new NewTopic(topics.deadLetter(), 3, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		assertThat(partitions).as("partitions of %s", topic).isNotEmpty();
		return partitions;
	}

	/**
	 * Every record of the topic up to its end as this isolation level sees it (for read_committed, the last stable
	 * offset). Bounded: a topic that cannot be read to its end within the wait is a failure.
	 */
	static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic,
			IsolationLevel isolation) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, isolation)) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await("reading " + topic + " to offsets " + end).atMost(WAIT)
				.pollInSameThread()
				.pollInterval(Duration.ZERO)
				.until(() -> {
					consumer.poll(Duration.ofMillis(200)).forEach(records::add);
					return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
				});
			return records;
		}
	}

	private static List<ConsumerRecord<String, byte[]>> alertRecordsFor(String bootstrapServers, String topic,
			String articleId) {
		return readAll(bootstrapServers, topic, IsolationLevel.READ_COMMITTED).stream()
			.filter((record) -> alert(record).articleId().equals(articleId))
			.toList();
	}

	private static long recordCount(String bootstrapServers, String topic, IsolationLevel isolation) {
		return readAll(bootstrapServers, topic, isolation).size();
	}

	/** Waits until the group has committed past every one of these records, which is when it has screened them. */
	static void awaitScreened(String bootstrapServers, String group, Collection<RecordMetadata> records) {
		try (Admin admin = admin(bootstrapServers)) {
			await("group " + group + " screens " + records.size() + " records").atMost(WAIT)
				.pollInterval(Duration.ofMillis(100))
				// A transaction in flight makes a stable offset fetch fail for a moment; ask again
				.ignoreException(ExecutionException.class)
				.untilAsserted(() -> {
					Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group, true);
					for (RecordMetadata record : records) {
						OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
						assertThat(offset).as("committed offset of %s-%d", record.topic(), record.partition()).isNotNull();
						assertThat(offset.offset()).isGreaterThan(record.offset());
					}
				});
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group, boolean stable)
			throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin
			.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(stable))
			.partitionsToOffsetAndMetadata()
			.get();
		// Partitions without a commit come back with null values
		Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset);
			}
		});
		return committed;
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, IsolationLevel isolation)
			throws ExecutionException, InterruptedException {
		int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			request.put(new TopicPartition(topic, i), OffsetSpec.latest());
		}
		Map<TopicPartition, Long> end = new HashMap<>();
		admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get()
			.forEach((partition, info) -> end.put(partition, info.offset()));
		return end;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
