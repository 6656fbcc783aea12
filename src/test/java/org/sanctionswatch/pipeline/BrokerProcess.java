package org.sanctionswatch.pipeline;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.local.LocalKafkaBroker;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft broker ({@link LocalKafkaBroker}) in a JVM of its own, so that a test can kill it with
 * SIGKILL, the way a machine or a container dies, and start it again on the same port and log directory. The
 * restarted broker recovers its logs, its committed offsets and its transaction state from that directory.
 */
final class BrokerProcess implements AutoCloseable {

	private static final String READY = "BROKER-READY";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Path dataDir;

	private final int port;

	private final Map<String, String> overrides;

	private final Path logDir;

	private Process process;

	private int starts;

	private BrokerProcess(Path dataDir, int port, Map<String, String> overrides, Path logDir) {
		this.dataDir = dataDir;
		this.port = port;
		this.overrides = overrides;
		this.logDir = logDir;
	}

	/** Starts the broker on a free port pair and returns once it answers. */
	static BrokerProcess start(Path dataDir, Map<String, String> overrides, Path logDir) throws IOException {
		BrokerProcess broker = new BrokerProcess(dataDir, freePortPair(), new LinkedHashMap<>(overrides), logDir);
		broker.launch();
		return broker;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** SIGKILL: no log flush, no checkpoint, no controlled shutdown, clients see connections drop. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("broker JVM did not die within 30 s of SIGKILL");
		}
	}

	/** Starts the broker again on the same port and directory, returning once it answers. */
	void restart() throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException("broker still running");
		}
		launch();
	}

	private void launch() throws IOException {
		Files.createDirectories(this.logDir);
		Path log = this.logDir.resolve("broker-" + (++this.starts) + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				BrokerProcess.class.getName(), this.dataDir.toAbsolutePath().toString(), String.valueOf(this.port)));
		this.overrides.forEach((name, value) -> command.add(name + "=" + value));
		this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// A test JVM stopped half-way (Ctrl-C, Surefire's timeout) must not leave a broker running
		Runtime.getRuntime().addShutdownHook(new Thread(this.process::destroyForcibly));
		await("broker JVM ready on " + bootstrapServers()).atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(100))
			.failFast("broker JVM exited, see " + log, () -> !this.process.isAlive())
			.until(() -> Files.readString(log).contains(READY));
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	/** LocalKafkaBroker takes a port and the next one for its controller: two free ones in a row. */
	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			if (port < 65534 && free(port + 1)) {
				return port;
			}
		}
		throw new IllegalStateException("no two consecutive free ports found");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** In the child JVM: data directory, port, then {@code name=value} broker settings. Runs until killed. */
	public static void main(String[] args) throws InterruptedException {
		Map<String, String> overrides = new LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			overrides.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
		}
		KafkaLogLevels.quiet();
		LocalKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), overrides);
		System.out.println(READY);
		System.out.flush();
		Thread.currentThread().join();
	}

}
