package org.sanctionswatch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.sanctionswatch.SanctionsWatchApplication;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.local.LocalKafkaBroker;
import org.sanctionswatch.screening.ScreeningEngine;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.reference.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The end-to-end benchmark command. Starts a broker in this JVM, preloads N articles, runs the service with its
 * production Kafka settings (application.properties: transactions, read_committed, acks=all) and measures how
 * fast it drains them; then publishes at a fixed open-loop rate and measures publish-to-alert latency. Then the
 * same for {@link PassThrough}, on its own topics, and prints one RESULT line with the ratio. Options are
 * {@code --name=value}, see {@link #DEFAULTS}. By default the service runs as a screening-only replica
 * ({@code --store=false}): the pass-through stores nothing either, and the alert store is a consumer of its own that a
 * deployment can put on other replicas; {@code --store=true} measures the all-in-one replica.
 */
public final class EndToEndBenchmark {

	static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("articles", "200000"),
			Map.entry("partitions", "6"), Map.entry("concurrency", "1"), Map.entry("rate", "1000"),
			Map.entry("seconds", "30"), Map.entry("seed", "42"), Map.entry("share", "0.2"),
			Map.entry("gazetteer", "b"), Map.entry("ofac", GazetteerChoice.DEFAULT_OFAC),
			Map.entry("un", GazetteerChoice.DEFAULT_UN), Map.entry("grace-seconds", "20"),
			Map.entry("drain-timeout-seconds", "3600"), Map.entry("passthrough-batch-transactions", "true"),
			Map.entry("store", "false"),
			// empty: the production value (Kafka's default, 100 ms); applied to the service and pass-through alike
			Map.entry("producer-retry-backoff-ms", ""));

	/** Distinct bodies in the preload; records beyond that repeat them under new ids. */
	private static final int DISTINCT_ARTICLES = 2000;

	private static final String GROUP = "sanctions-watch";

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			System.err.println("End-to-end benchmark stopped: " + ex.getMessage());
			System.exit(2);
		}
		System.exit(0);
	}

	static Map<String, String> run(String[] arguments) throws Exception {
		Args args = Args.parse(arguments, DEFAULTS);
		boolean lists = args.get("gazetteer").equals("b");
		if (lists) {
			GazetteerChoice.checkPresent(args.get("ofac"), args.get("un"));
		}
		int n = args.integer("articles");
		int partitions = args.integer("partitions");
		KafkaLogLevels.quiet();
		Path dir = Files.createTempDirectory("sw-e2e-");
		LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), freePortPair());
		broker.removeShutdownHook();
		String bootstrap = broker.bootstrapServers();
		Result result = new Result().put("benchmark", "e2e");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(Stream.of("bench.articles", "bench.alerts", "bench.articles.dlq", "bench.pt.in", "bench.pt.out")
				.map(t -> new NewTopic(t, partitions, (short) 1))
				.toList()).all().get();
			List<Article> pool = Corpus.of(args.number("seed"), Math.min(n, DISTINCT_ARTICLES), args.decimal("share"));
			List<Article> latencyPool = alerting(pool);
			long preloadStart = System.nanoTime();
			long bytes = preload(bootstrap, pool, n, "bench.articles", "bench.pt.in");
			System.out.printf("Preloaded %d articles (%.1f MB) into two topics of %d partitions in %.1f s%n", n,
					bytes / 1e6, partitions, (System.nanoTime() - preloadStart) / 1e9);
			result.put("articles", n).put("partitions", partitions).put("concurrency", args.get("concurrency"))
				.put("gazetteer", args.get("gazetteer")).put("mean_article_bytes", bytes / n);
			double rate = args.decimal("rate");
			double seconds = args.decimal("seconds");
			Duration grace = Duration.ofSeconds(args.integer("grace-seconds"));
			Duration drainTimeout = Duration.ofSeconds(args.integer("drain-timeout-seconds"));

			long readyStart = System.nanoTime();
			ConfigurableApplicationContext service = startService(bootstrap, args, partitions, lists);
			result.put("service_ready_ms", (System.nanoTime() - readyStart) / 1_000_000);
			double serviceDrain;
			LatencyProbe.Latencies serviceLatency;
			try {
				serviceDrain = Drain.measure(admin, GROUP, "bench.articles", n, drainTimeout);
				serviceLatency = LatencyProbe.run(bootstrap, "bench.articles", "bench.alerts", latencyPool, "lat-",
						rate, seconds, grace);
			}
			finally {
				service.close();
			}
			double passDrain;
			LatencyProbe.Latencies passLatency;
			try (PassThrough pass = new PassThrough(bootstrap, "bench.pt.in", "bench.pt.out",
					args.integer("concurrency"), args.flag("passthrough-batch-transactions"),
					args.get("producer-retry-backoff-ms"))) {
				passDrain = Drain.measure(admin, PassThrough.GROUP, "bench.pt.in", n, drainTimeout);
				passLatency = LatencyProbe.run(bootstrap, "bench.pt.in", "bench.pt.out", latencyPool, "lat-", rate,
						seconds, grace);
			}
			put(result, "service", serviceDrain, serviceLatency);
			put(result, "passthrough", passDrain, passLatency);
			result.put("passthrough_batch_transactions", args.get("passthrough-batch-transactions"));
			result.put("service_feeds_store", args.get("store"));
			result.put("producer_retry_backoff_ms", args.get("producer-retry-backoff-ms").isBlank() ? "default"
					: args.get("producer-retry-backoff-ms"));
			result.put("rate_per_s", rate).put("open_loop_seconds", seconds);
			result.put("e2e_vs_passthrough_ratio", serviceDrain / passDrain);
		}
		finally {
			broker.close();
			deleteQuietly(dir);
		}
		String line = result.print();
		Map<String, String> values = new HashMap<>();
		for (String pair : line.substring("RESULT ".length()).split(" ")) {
			values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return values;
	}

	private static void put(Result result, String who, double drain, LatencyProbe.Latencies l) {
		result.put(who + "_drain_articles_per_s", drain);
		result.put(who + "_p50_ms", l.p50Ms()).put(who + "_p99_ms", l.p99Ms()).put(who + "_p999_ms", l.p999Ms());
		result.put(who + "_max_ms", l.maxMs()).put(who + "_latency_received", l.received() + "/" + l.published());
	}

	/** The pool's articles that raise an alert: latency is publish-to-alert, so only these can be timed. */
	private static List<Article> alerting(List<Article> pool) {
		ReferenceData reference = ReferenceData.bundled();
		RuleRepository rules = new RuleRepository(reference.transactionKinds(), true, null);
		ScreeningEngine engine = ScreeningEngine.standalone(rules::current);
		List<Article> out = new ArrayList<>();
		for (Article a : pool) {
			if (!engine.screen(a).alerts().isEmpty()) {
				out.add(a);
			}
		}
		if (out.isEmpty()) {
			throw new IllegalStateException("no article of the corpus raises an alert: raise --share");
		}
		return out;
	}

	private static long preload(String bootstrap, List<Article> pool, int n, String... topics)
			throws InterruptedException, ExecutionException {
		JsonMapper json = JsonMapper.builder().build();
		long bytes = 0;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.loadProducer(bootstrap, true))) {
			for (int i = 0; i < n; i++) {
				Article a = pool.get(i % pool.size());
				String id = "pre-" + i;
				byte[] value = Corpus.json(new Article(id, a.title(), a.body(), a.url(), a.source(), a.publishedAt(),
						a.language()), json);
				bytes += value.length;
				for (String topic : topics) {
					producer.send(new ProducerRecord<>(topic, id, value));
				}
			}
			producer.flush();
		}
		return bytes;
	}

	private static ConfigurableApplicationContext startService(String bootstrap, Args args, int partitions,
			boolean lists) {
		// command-line arguments, not default properties: they must win over application.properties
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		p.put("spring.kafka.bootstrap-servers", bootstrap);
		p.put("server.port", "0");
		p.put("logging.level.root", "WARN");
		p.put("sanctions-watch.topics.articles", "bench.articles");
		p.put("sanctions-watch.topics.alerts", "bench.alerts");
		p.put("sanctions-watch.topics.dead-letter", "bench.articles.dlq");
		p.put("sanctions-watch.topics.partitions", String.valueOf(partitions));
		p.put("spring.kafka.listener.concurrency", args.get("concurrency"));
		p.put("sanctions-watch.dashboard.store.consume", args.get("store"));
		if (!args.get("producer-retry-backoff-ms").isBlank()) {
			p.put("spring.kafka.producer.properties.retry.backoff.ms", args.get("producer-retry-backoff-ms"));
		}
		if (lists) {
			p.put("sanctions-watch.lists.sources[0].id", "ofac-sdn");
			p.put("sanctions-watch.lists.sources[0].format", "ofac-sdn-csv");
			p.put("sanctions-watch.lists.sources[0].location", args.get("ofac"));
			p.put("sanctions-watch.lists.sources[1].id", "un-consolidated");
			p.put("sanctions-watch.lists.sources[1].format", "un-consolidated-xml");
			p.put("sanctions-watch.lists.sources[1].location", args.get("un"));
		}
		String[] commandLine = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(SanctionsWatchApplication.class).run(commandLine);
	}

	/** LocalKafkaBroker takes a port and the next one for its controller: find two free in a row. */
	static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port;
			try (ServerSocket s = new ServerSocket(0)) {
				port = s.getLocalPort();
			}
			if (port < 65534 && free(port) && free(port + 1)) {
				return port;
			}
		}
		throw new IllegalStateException("no two consecutive free ports found");
	}

	private static boolean free(int port) {
		try (ServerSocket s = new ServerSocket()) {
			s.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory left behind is harmless
		}
	}

	/** Drain throughput from the group's committed offsets, which move only when a transaction commits. */
	static final class Drain {

		private Drain() {
		}

		static double measure(Admin admin, String group, String topic, long total, Duration timeout) throws Exception {
			long deadline = System.nanoTime() + timeout.toNanos();
			long firstAt = 0;
			long firstCommitted = 0;
			while (System.nanoTime() < deadline) {
				long committed = committed(admin, group, topic);
				long now = System.nanoTime();
				if (firstAt == 0 && committed > 0) {
					// from the first commit on: consumer start-up and the group join are not throughput
					firstAt = now;
					firstCommitted = committed;
				}
				if (committed >= total) {
					double rate = (committed - firstCommitted) / ((now - firstAt) / 1e9);
					System.out.printf("Group %s drained %d articles: %.0f articles/s%n", group, total, rate);
					return rate;
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("group " + group + " did not drain " + total + " articles in " + timeout);
		}

		private static long committed(Admin admin, String group, String topic) throws Exception {
			Collection<Map.Entry<TopicPartition, OffsetAndMetadata>> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet();
			return offsets.stream()
				.filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
				.mapToLong(e -> e.getValue().offset())
				.sum();
		}

	}

}
