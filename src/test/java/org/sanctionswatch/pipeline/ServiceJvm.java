package org.sanctionswatch.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the service in a JVM of its own, on the test's classpath, with its output in a file. It can
 * die abruptly ({@link #kill()}, SIGKILL) or leave as Kubernetes asks a pod to ({@link #stop()}, SIGTERM, which
 * lets Spring close the listener containers, so the consumers leave the group at once). Closing kills it, so no
 * test leaves one behind.
 */
final class ServiceJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private ServiceJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts the service; {@code properties} are its command-line properties ({@code --name=value}). */
	static ServiceJvm start(String name, List<String> properties, Path logDir) throws IOException {
		Files.createDirectories(logDir);
		Path log = logDir.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// Two cores: spend them on screening rather than on optimising a process that lives a minute
				"-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				"org.sanctionswatch.SanctionsWatchApplication"));
		command.addAll(properties);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// A test JVM stopped half-way (Ctrl-C, Surefire's timeout) must not leave services running
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new ServiceJvm(name, process, log);
	}

	String name() {
		return this.name;
	}

	boolean exited() {
		if (this.process.isAlive()) {
			return false;
		}
		System.out.println("Service JVM " + this.name + " exited with " + this.process.exitValue() + "; end of "
				+ this.log + ":");
		System.out.println(tail(40));
		return true;
	}

	/** SIGKILL: no shutdown hook, no transaction abort, no consumer leaving the group. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " did not die within 30 s of SIGKILL");
		}
	}

	/** SIGTERM and wait for the graceful shutdown. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
			throw new IllegalStateException(this.name + " did not stop within 60 s of SIGTERM");
		}
	}

	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(" + ex + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
