package org.sanctionswatch.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sanctionswatch.article.Article;

/**
 * The engine benchmark command: runs {@link EngineBenchmark} through JMH for gazetteers (a) and (b), then
 * cross-checks, outside the timed runs, that the engine and Lucene Monitor find the same name mentions in the
 * same corpus, and prints one RESULT line. Options are {@code --name=value}, see {@link #DEFAULTS}.
 */
public final class EngineBenchmarkMain {

	static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("gazetteers", "a,b"),
			Map.entry("ofac", GazetteerChoice.DEFAULT_OFAC), Map.entry("un", GazetteerChoice.DEFAULT_UN),
			Map.entry("seed", "42"), Map.entry("generated", "2000"), Map.entry("share", "0.2"),
			Map.entry("warmup", "3"), Map.entry("iterations", "5"), Map.entry("time-ms", "2000"),
			Map.entry("forks", "1"), Map.entry("benchmarks", "screen|names|monitor|monitorHighlights"),
			Map.entry("prof", ""), Map.entry("show-differences", "10"));

	private static final String[] BENCHMARKS = { "screen", "names", "monitor", "monitorHighlights" };

	private EngineBenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException {
		try {
			run(args);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			System.err.println("Engine benchmark stopped: " + ex.getMessage());
			System.exit(2);
		}
		finally {
			Workload.closeAll();
		}
		// JMH and Kafka-free, but Lucene's query cache leaves a non-daemon purge thread behind
		System.exit(0);
	}

	/** Runs everything and returns the RESULT line, name to value. */
	static Map<String, String> run(String[] arguments) throws RunnerException {
		Args args = Args.parse(arguments, DEFAULTS);
		List<String> gazetteers = List.of(args.get("gazetteers").split(","));
		if (gazetteers.contains("b")) {
			// before minutes of JMH, not after: the lists are read from outside the repository
			GazetteerChoice.checkPresent(args.get("ofac"), args.get("un"));
		}
		ChainedOptionsBuilder options = new OptionsBuilder()
			.include(EngineBenchmark.class.getName() + ".(" + args.get("benchmarks") + ")$")
			.param("gazetteer", gazetteers.toArray(String[]::new))
			.param("ofac", args.get("ofac"))
			.param("un", args.get("un"))
			.param("seed", args.get("seed"))
			.param("generated", args.get("generated"))
			.param("share", args.get("share"))
			.forks(args.integer("forks"))
			.warmupIterations(args.integer("warmup"))
			.measurementIterations(args.integer("iterations"))
			.warmupTime(TimeValue.milliseconds(args.integer("time-ms")))
			.measurementTime(TimeValue.milliseconds(args.integer("time-ms")))
			.timeUnit(TimeUnit.SECONDS)
			.shouldFailOnError(true);
		if (!args.get("prof").isBlank()) {
			options.addProfiler(args.get("prof"));
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		Map<String, Double> scores = new HashMap<>();
		for (RunResult r : results) {
			String method = r.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			scores.put(method + "_" + r.getParams().getParam("gazetteer"), r.getPrimaryResult().getScore());
		}
		Result result = new Result().put("benchmark", "engine");
		String headline = null;
		for (String g : gazetteers) {
			Workload w = Workload.of(g, args.get("ofac"), args.get("un"), args.number("seed"), args.integer("generated"),
					args.decimal("share"));
			double meanBytes = (double) w.bytes / w.articles.size();
			if (g.equals(gazetteers.get(0))) {
				result.put("corpus", w.articles.size() + "x" + Math.round(meanBytes) + "B@" + Corpus.fingerprint(w.articles));
			}
			result.put("names_" + g, w.names.size());
			result.put("monitor_queries_" + g, w.monitor().queries());
			for (String b : BENCHMARKS) {
				Double score = scores.get(b + "_" + g);
				if (score != null) {
					result.put(b + "_" + g + "_articles_per_s", score.doubleValue());
					result.put(b + "_" + g + "_mb_per_s", score * meanBytes / 1e6);
				}
			}
			Double engine = scores.get("screen_" + g);
			Double monitor = scores.get("monitor_" + g);
			if (engine != null && monitor != null) {
				result.put("engine_vs_monitor_ratio_" + g, engine / monitor);
				headline = Result.format(engine / monitor);
			}
			if (engine != null && scores.get("monitorHighlights_" + g) != null) {
				result.put("engine_vs_monitor_highlights_ratio_" + g, engine / scores.get("monitorHighlights_" + g));
			}
			CrossCheck check = CrossCheck.run(w, args.integer("show-differences"));
			result.put("mention_agreement_" + g, check.agreement());
			result.put("mentions_engine_" + g, check.engine());
			result.put("mentions_monitor_" + g, check.monitor());
			result.put("screened_names_found_by_monitor_" + g, check.screenedCovered());
		}
		if (headline != null) {
			// the last gazetteer run, (b) in the full run: the one the target is about
			result.put("engine_vs_monitor_ratio", headline);
			result.put("engine_vs_monitor_gazetteer", gazetteers.get(gazetteers.size() - 1));
		}
		String line = result.print();
		Map<String, String> values = new HashMap<>();
		for (String pair : line.substring("RESULT ".length()).split(" ")) {
			int eq = pair.indexOf('=');
			values.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return values;
	}

	/**
	 * Engine against Monitor on name mentions, keyed {@code article field:start-end}. Agreement is the Jaccard
	 * index of the two sets; differences are printed with their text, to be investigated rather than averaged.
	 */
	record CrossCheck(long engine, long monitor, long both, double screenedCovered) {

		double agreement() {
			long union = this.engine + this.monitor - this.both;
			return (union == 0) ? 1.0 : (double) this.both / union;
		}

		static CrossCheck run(Workload w, int show) {
			long engine = 0;
			long monitor = 0;
			long both = 0;
			long screened = 0;
			long screenedCovered = 0;
			List<String> differences = new ArrayList<>();
			for (Article article : w.articles) {
				Set<String> e = w.engineMentions(article);
				Set<String> m = w.monitor().mentions(article);
				Set<String> common = new TreeSet<>(e);
				common.retainAll(m);
				engine += e.size();
				monitor += m.size();
				both += common.size();
				for (String s : w.screenedMentions(article)) {
					screened++;
					screenedCovered += m.contains(s) ? 1 : 0;
				}
				describe(article, e, m, "engine only", differences);
				describe(article, m, e, "monitor only", differences);
			}
			System.out.printf("Cross-check: %d mentions by the engine, %d by Lucene Monitor, %d in common, "
					+ "%d differences%n", engine, monitor, both, differences.size());
			differences.stream().limit(show).forEach(d -> System.out.println("  " + d));
			return new CrossCheck(engine, monitor, both, (screened == 0) ? 1.0 : (double) screenedCovered / screened);
		}

		private static void describe(Article article, Set<String> in, Set<String> notIn, String label,
				List<String> out) {
			for (String span : in) {
				if (!notIn.contains(span)) {
					String field = span.substring(0, span.indexOf(':'));
					String[] range = span.substring(span.indexOf(':') + 1).split("-");
					String text = field.equals(MonitorMatcher.TITLE) ? article.title() : article.body();
					out.add(label + ": " + article.id() + " " + span + " '"
							+ text.substring(Integer.parseInt(range[0]), Integer.parseInt(range[1])) + "'");
				}
			}
		}

	}

}
