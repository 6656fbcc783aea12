package org.sanctionswatch.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka (broker and controller in one) inside this JVM, for local mode and tests.
 * <p>
 * It binds fixed ports so that kcat and other tools can find it, and keeps its log directory between runs so
 * that topics, records and committed offsets survive a restart. It lives in the test tree because the
 * production jar must not carry a broker.
 */
public final class LocalKafkaBroker implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaRaftServer server;

	private final int port;

	private final Thread shutdownHook;

	private volatile boolean closed;

	private LocalKafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
		this.shutdownHook = new Thread(this::close, "local-kafka-shutdown");
	}

	/**
	 * Starts the broker and returns once it answers an Admin {@code describeCluster}.
	 * @param dataDir the log directory, created and formatted on first use and kept afterwards
	 * @param port the PLAINTEXT port on 127.0.0.1; the controller listens on {@code port + 1}
	 */
	public static LocalKafkaBroker start(Path dataDir, int port) {
		return start(dataDir, port, Map.of());
	}

	/**
	 * As {@link #start(Path, int)}, with broker settings added or replaced, for tests that need, say, fewer
	 * internal partitions or a quicker clean-up of timed-out transactions.
	 */
	public static LocalKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
		if (port < 1 || port > 65534) {
			throw new IllegalArgumentException("Kafka port must be between 1 and 65534 (the controller takes port + 1), not " + port);
		}
		// Probing first turns Kafka's bind failure, buried in a long stack trace, into one actionable sentence
		requireFree(port, "port " + port);
		requireFree(port + 1, "port " + (port + 1) + " (the Kafka controller, Kafka port + 1)");
		Path dir = dataDir.toAbsolutePath();
		Properties config = config(dir, port);
		config.putAll(overrides);
		formatIfNew(dir, config);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		LocalKafkaBroker broker = new LocalKafkaBroker(server, port);
		try {
			server.startup();
			broker.awaitReady();
		}
		catch (RuntimeException ex) {
			broker.close();
			throw new IllegalStateException("Local Kafka failed to start on " + broker.bootstrapServers()
					+ " with data in " + dir + ": " + ex.getMessage(), ex);
		}
		// Registered only once it is up, so a failed start leaves no hook behind
		Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
		return broker;
	}

	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	/**
	 * Stops the broker cleanly (flushes logs and checkpoints, so the next start needs no recovery). Safe to call
	 * more than once, and from the shutdown hook.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		removeShutdownHook();
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	/**
	 * Lets the caller decide when the broker stops, for instance only after the application's Kafka clients have
	 * closed. The caller then owns calling {@link #close()}.
	 */
	public void removeShutdownHook() {
		if (Thread.currentThread() == this.shutdownHook) {
			return;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down and the hook runs, or has run, close()
		}
	}

	private static Properties config(Path dir, int port) {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + (port + 1));
		config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		// A static voter set needs no '--standalone' at format time and survives a port change between runs
		config.put("controller.quorum.voters", "1@" + HOST + ":" + (port + 1));
		config.put("log.dirs", dir.toString());
		// One node: every internal topic must be satisfiable by a single replica
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		// No point waiting for more members of a group that will only ever have one local consumer
		config.put("group.initial.rebalance.delay.ms", "0");
		// kcat users expect topics to appear on first produce
		config.put("auto.create.topics.enable", "true");
		// Above the service's 1 MiB article limit, so an over-size article reaches it and the DLQ can hold it
		config.put("message.max.bytes", "4194304");
		return config;
	}

	private static void formatIfNew(Path dir, Properties config) {
		if (Files.exists(dir.resolve("meta.properties"))) {
			return;
		}
		Path configFile = null;
		try {
			Files.createDirectories(dir);
			// StorageTool only reads its configuration from a file
			configFile = Files.createTempFile("local-kafka-", ".properties");
			try (Writer writer = Files.newBufferedWriter(configFile)) {
				config.store(writer, "local Kafka, used once to format " + dir);
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exitCode = StorageTool.execute(new String[] { "format", "--config", configFile.toString(),
					"--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted" },
					new PrintStream(output, true, StandardCharsets.UTF_8));
			if (exitCode != 0) {
				throw new IllegalStateException("Formatting the Kafka log directory " + dir + " failed (exit code "
						+ exitCode + "): " + output.toString(StandardCharsets.UTF_8).strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the Kafka log directory " + dir, ex);
		}
		finally {
			deleteQuietly(configFile);
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
		try (Admin admin = Admin.create(adminConfig)) {
			Exception last = null;
			while (Instant.now().isBefore(deadline)) {
				try {
					DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000));
					// A fenced broker answers with no nodes; only a registered one can create topics and groups
					if (!cluster.nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					last = ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for local Kafka", ex);
				}
				sleep(Duration.ofMillis(100));
			}
			throw new IllegalStateException("Local Kafka did not answer within " + READY_TIMEOUT.toSeconds() + " s"
					+ ((last != null) ? ": " + last.getMessage() : ""), last);
		}
	}

	private static void requireFree(int port, String description) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(HOST, port));
		}
		catch (IOException ex) {
			throw new IllegalStateException(description
					+ " is already in use: stop the other Kafka or set sanctions-watch.local.kafka-port", ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for local Kafka", ex);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A leftover temp file is harmless
		}
	}

}
