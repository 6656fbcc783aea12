package org.sanctionswatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.local.LocalKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak command: a broker in this JVM, the service with its production settings in a JVM of its own
 * ({@link SoakService}), and articles published at a steady rate for a set time, one in {@code bad-every} of
 * them not JSON. Every interval it prints throughput, consumer lag, the service's heap after a full GC, alerts
 * raised and records dead-lettered; at the end one RESULT line with the heap trend: the least-squares slope of
 * heap-after-GC over the second half of the run, and a verdict, {@code bounded} when that slope is under
 * {@code max-slope-mb-per-min}. Not part of {@code mvn verify} (only a few-second smoke run is).
 * Options are {@code --name=value}, see {@link #DEFAULTS}.
 */
public final class SoakTest {

	static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("minutes", "10"), Map.entry("rate", "50"),
			Map.entry("interval-seconds", "30"), Map.entry("partitions", "6"), Map.entry("seed", "42"),
			Map.entry("share", "0.2"), Map.entry("bad-every", "500"), Map.entry("heap", "512m"),
			Map.entry("max-slope-mb-per-min", "1.0"),
			// empty: the alert store in an H2 file of the run's directory; or a JDBC URL (PostgreSQL, as in production)
			Map.entry("datasource-url", ""), Map.entry("datasource-username", ""));

	private static final String ARTICLES = "soak.articles";

	private static final String ALERTS = "soak.alerts";

	private static final String DEAD_LETTERS = "soak.articles.dlq";

	private static final String GROUP = "sanctions-watch";

	private static final int DISTINCT_ARTICLES = 2000;

	record Sample(double minute, double heapMb, long alerts, long deadLettered) {
	}

	private SoakTest() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			System.err.println("Soak test stopped: " + ex.getMessage());
			System.exit(2);
		}
		System.exit(0);
	}

	static Map<String, String> run(String[] arguments) throws Exception {
		Args args = Args.parse(arguments, DEFAULTS);
		double minutes = args.decimal("minutes");
		double rate = args.decimal("rate");
		double intervalSeconds = args.decimal("interval-seconds");
		long intervalNanos = (long) (intervalSeconds * 1e9);
		int partitions = args.integer("partitions");
		int badEvery = args.integer("bad-every");
		KafkaLogLevels.quiet();
		Path dir = Files.createTempDirectory("sw-soak-");
		LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), EndToEndBenchmark.freePortPair());
		broker.removeShutdownHook();
		String bootstrap = broker.bootstrapServers();
		Process service = null;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(Stream.of(ARTICLES, ALERTS, DEAD_LETTERS)
				.map((t) -> new NewTopic(t, partitions, (short) 1))
				.toList()).all().get(30, TimeUnit.SECONDS);
			AtomicReference<String> lastSoakLine = new AtomicReference<>();
			List<Sample> samples = new CopyOnWriteArrayList<>();
			AtomicLong startNanos = new AtomicLong();
			service = startService(bootstrap, args, partitions, intervalSeconds, dir, lastSoakLine, samples, startNanos);
			awaitLine(service, lastSoakLine, "SOAK ready_ms=", Duration.ofSeconds(120));
			System.out.printf("Soak: service ready (%s); publishing %.0f articles/s for %.1f min, one in %d not JSON, "
					+ "over %d partitions; a line every %.0f s%n", lastSoakLine.get().substring(5), rate, minutes,
					badEvery, partitions, intervalSeconds);

			List<Article> pool = Corpus.of(args.number("seed"), DISTINCT_ARTICLES, args.decimal("share"));
			AtomicLong published = new AtomicLong();
			long start = System.nanoTime();
			startNanos.set(start);
			ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
			long[] last = { 0, start };
			reporter.scheduleAtFixedRate(() -> {
				try {
					long now = System.nanoTime();
					long committed = committed(admin);
					long lag = endOffset(admin) - committed;
					double throughput = (committed - last[0]) / ((now - last[1]) / 1e9);
					last[0] = committed;
					last[1] = now;
					Sample sample = samples.isEmpty() ? null : samples.get(samples.size() - 1);
					System.out.printf("Soak %5.1f min: published %d, screened %.1f articles/s, consumer lag %d, heap "
							+ "after GC %s MB, alerts raised %s, dead-lettered %s%n", (now - start) / 60e9, published.get(),
							throughput, lag, (sample != null) ? Result.format(sample.heapMb()) : "?",
							(sample != null) ? sample.alerts() : "?", (sample != null) ? sample.deadLettered() : "?");
				}
				catch (InterruptedException ex) {
					// the run is over
				}
				catch (Exception ex) {
					System.out.println("Soak: no figures this interval: " + ex);
				}
			}, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
			JsonMapper json = JsonMapper.builder().build();
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.loadProducer(bootstrap, false))) {
				long sendInterval = (long) (1e9 / rate);
				long end = start + (long) (minutes * 60e9);
				for (long i = 0; System.nanoTime() < end && service.isAlive(); i++) {
					long wait = start + i * sendInterval - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					String id = "soak-" + i;
					byte[] value = ((i + 1) % badEvery == 0) ? ("not an article " + i).getBytes(StandardCharsets.UTF_8)
							: Corpus.json(renamed(pool.get((int) (i % pool.size())), id), json);
					producer.send(new ProducerRecord<>(ARTICLES, id, value));
					published.incrementAndGet();
				}
				producer.flush();
			}
			finally {
				reporter.shutdownNow();
				reporter.awaitTermination(10, TimeUnit.SECONDS);
			}
			if (!service.isAlive()) {
				throw new IllegalStateException("the service JVM exited during the soak, see " + dir.resolve("service.log"));
			}
			return result(samples, published.get(), minutes, rate, args, lagNow(admin));
		}
		finally {
			if (service != null) {
				service.destroy();
				service.waitFor(60, TimeUnit.SECONDS);
				service.destroyForcibly();
			}
			broker.close();
			deleteQuietly(dir);
		}
	}

	private static Map<String, String> result(List<Sample> samples, long published, double minutes, double rate,
			Args args, long finalLag) {
		if (samples.size() < 4) {
			throw new IllegalStateException("only " + samples.size() + " heap samples: run longer or report more often");
		}
		List<Sample> secondHalf = samples.subList(samples.size() / 2, samples.size());
		double slope = slope(secondHalf);
		double maxSlope = args.decimal("max-slope-mb-per-min");
		Sample first = samples.get(0);
		Sample last = samples.get(samples.size() - 1);
		Result result = new Result().put("benchmark", "soak")
			.put("minutes", minutes)
			.put("rate_per_s", rate)
			.put("published", published)
			.put("alerts_raised", last.alerts())
			.put("dead_lettered", last.deadLettered())
			.put("final_lag", finalLag)
			.put("heap_samples", samples.size())
			.put("heap_first_mb", first.heapMb())
			.put("heap_last_mb", last.heapMb())
			.put("heap_max_mb", samples.stream().mapToDouble(Sample::heapMb).max().orElse(0))
			.put("heap_slope_second_half_mb_per_min", slope)
			.put("max_slope_mb_per_min", maxSlope)
			.put("service_heap", args.get("heap"))
			.put("verdict", (slope < maxSlope) ? "bounded" : "growing");
		String line = result.print();
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : line.substring("RESULT ".length()).split(" ")) {
			values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return values;
	}

	/** Least-squares slope of heap after GC against time, in MB per minute. */
	static double slope(List<Sample> samples) {
		double n = samples.size();
		double meanX = samples.stream().mapToDouble(Sample::minute).sum() / n;
		double meanY = samples.stream().mapToDouble(Sample::heapMb).sum() / n;
		double num = 0;
		double den = 0;
		for (Sample s : samples) {
			num += (s.minute() - meanX) * (s.heapMb() - meanY);
			den += (s.minute() - meanX) * (s.minute() - meanX);
		}
		return (den == 0) ? 0 : num / den;
	}

	private static Sample sample(String line, double minute) {
		if (line == null || !line.startsWith("SOAK heap_after_gc_bytes=")) {
			return null;
		}
		Map<String, String> values = new HashMap<>();
		for (String pair : line.substring(5).split(" ")) {
			values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return new Sample(minute, Long.parseLong(values.get("heap_after_gc_bytes")) / 1048576.0,
				Long.parseLong(values.get("alerts")), Long.parseLong(values.get("dead_lettered")));
	}

	private static Article renamed(Article a, String id) {
		return new Article(id, a.title(), a.body(), a.url(), a.source(), a.publishedAt(), a.language());
	}

	/**
	 * The service as deployed (application.properties: transactions, read_committed, concurrency 1), on the
	 * soak's topics; its alert store in an H2 file, not in memory, unless a JDBC URL is given: an in-memory store
	 * grows with every alert by design and would hide a leak, or fake one.
	 */
	private static Process startService(String bootstrap, Args args, int partitions, double intervalSeconds, Path dir,
			AtomicReference<String> lastSoakLine, List<Sample> samples, AtomicLong startNanos) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + args.get("heap"), "-cp", System.getProperty("java.class.path"), SoakService.class.getName(),
				String.valueOf(intervalSeconds), "--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--sanctions-watch.topics.articles=" + ARTICLES, "--sanctions-watch.topics.alerts=" + ALERTS,
				"--sanctions-watch.topics.dead-letter=" + DEAD_LETTERS,
				"--sanctions-watch.topics.partitions=" + partitions));
		String url = args.get("datasource-url");
		if (url.isBlank()) {
			url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		}
		command.add("--spring.datasource.url=" + url);
		if (!args.get("datasource-username").isBlank()) {
			command.add("--spring.datasource.username=" + args.get("datasource-username"));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Path log = dir.resolve("service.log");
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					out.println(line);
					if (line.startsWith("SOAK ")) {
						lastSoakLine.set(line);
						// heap samples count from the first article on; start-up is not what a soak measures
						Sample sample = sample(line, (System.nanoTime() - startNanos.get()) / 60e9);
						if (sample != null && startNanos.get() != 0) {
							samples.add(sample);
						}
					}
				}
			}
			catch (IOException ex) {
				// the service is gone; run() notices
			}
		}, "soak-service-output");
		reader.setDaemon(true);
		reader.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

	private static void awaitLine(Process service, AtomicReference<String> line, String prefix, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (line.get() == null || !line.get().startsWith(prefix)) {
			if (!service.isAlive()) {
				throw new IllegalStateException("the service JVM exited before it was ready");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the service was not ready within " + timeout);
			}
			Thread.sleep(100);
		}
	}

	private static long committed(Admin admin) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		return offsets.entrySet()
			.stream()
			.filter((e) -> e.getKey().topic().equals(ARTICLES) && e.getValue() != null)
			.mapToLong((e) -> e.getValue().offset())
			.sum();
	}

	private static long endOffset(Admin admin) throws Exception {
		int partitions = admin.describeTopics(List.of(ARTICLES)).allTopicNames().get().get(ARTICLES).partitions().size();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int p = 0; p < partitions; p++) {
			request.put(new TopicPartition(ARTICLES, p), OffsetSpec.latest());
		}
		return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
			.all()
			.get(10, TimeUnit.SECONDS)
			.values()
			.stream()
			.mapToLong((info) -> info.offset())
			.sum();
	}

	private static long lagNow(Admin admin) throws Exception {
		return endOffset(admin) - committed(admin);
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory left behind is harmless
		}
	}

}
