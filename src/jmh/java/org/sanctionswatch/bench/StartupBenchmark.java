package org.sanctionswatch.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.local.LocalKafkaBroker;

/**
 * Memory and start-up: with a broker already up, starts the service in a fresh JVM with gazetteer (b) and
 * reports the time from process start to ready, and the heap after a full GC. Options are {@code --name=value},
 * see {@link #DEFAULTS}; {@code --jvm-args} go to the service's JVM (e.g. {@code -Xmx256m} to prove the budget).
 */
public final class StartupBenchmark {

	static final Map<String, String> DEFAULTS = Map.of("gazetteer", "b", "ofac", GazetteerChoice.DEFAULT_OFAC, "un",
			GazetteerChoice.DEFAULT_UN, "jvm-args", "");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			System.err.println("Start-up benchmark stopped: " + ex.getMessage());
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
		KafkaLogLevels.quiet();
		Path dir = Files.createTempDirectory("sw-startup-");
		LocalKafkaBroker broker = LocalKafkaBroker.start(dir, EndToEndBenchmark.freePortPair());
		broker.removeShutdownHook();
		try {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			for (String a : args.get("jvm-args").split(" ")) {
				if (!a.isBlank()) {
					command.add(a);
				}
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceProbe.class.getName(),
					"--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--server.port=0",
					"--logging.level.root=WARN"));
			if (lists) {
				command.addAll(List.of("--sanctions-watch.lists.sources[0].id=ofac-sdn",
						"--sanctions-watch.lists.sources[0].format=ofac-sdn-csv",
						"--sanctions-watch.lists.sources[0].location=" + Path.of(args.get("ofac")).toAbsolutePath(),
						"--sanctions-watch.lists.sources[1].id=un-consolidated",
						"--sanctions-watch.lists.sources[1].format=un-consolidated-xml",
						"--sanctions-watch.lists.sources[1].location=" + Path.of(args.get("un")).toAbsolutePath()));
			}
			long launched = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String probe = null;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.startsWith("PROBE ")) {
						probe = line;
					}
					else if (line.contains("ERROR") || line.contains("Exception")) {
						System.out.println("service: " + line);
					}
				}
			}
			long wallMs = (System.nanoTime() - launched) / 1_000_000;
			int exit = process.waitFor();
			if (probe == null) {
				throw new IllegalStateException("the service did not report ready (exit code " + exit + ")");
			}
			Result result = new Result().put("benchmark", "startup").put("gazetteer", args.get("gazetteer"));
			Map<String, String> values = new HashMap<>();
			for (String pair : probe.substring("PROBE ".length()).split(" ")) {
				values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			result.put("ready_ms", values.get("ready_ms")).put("heap_after_gc_mb", values.get("heap_after_gc_mb"))
				.put("heap_committed_mb", values.get("heap_committed_mb"))
				.put("jvm_args", args.get("jvm-args").isBlank() ? "default" : args.get("jvm-args").replace(' ', ','))
				.put("launch_to_exit_ms", wallMs)
				.put("gazetteer_version", values.get("gazetteer"));
			String line = result.print();
			Map<String, String> out = new HashMap<>();
			for (String pair : line.substring("RESULT ".length()).split(" ")) {
				out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			return out;
		}
		finally {
			broker.close();
		}
	}

}
