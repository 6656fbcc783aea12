package org.sanctionswatch.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark once, on a tiny corpus and gazetteer (a), so that {@code mvn verify} proves they still
 * run and still print their RESULT line. No timing is asserted: these runs are far too short to mean anything,
 * and the build machine is shared. The full runs are in docs/benchmarks.md.
 */
class BenchmarkSmokeTests {

	@Test
	void theCorpusIsAFunctionOfItsSeed() {
		List<Article> first = ArticleGenerator.generate(7, 50, 0.5);
		assertThat(Corpus.fingerprint(ArticleGenerator.generate(7, 50, 0.5))).isEqualTo(Corpus.fingerprint(first));
		assertThat(Corpus.fingerprint(ArticleGenerator.generate(8, 50, 0.5))).isNotEqualTo(Corpus.fingerprint(first));
		// sized in UTF-8 bytes, as a broker counts them: a Russian article has about half the characters
		assertThat(first).allSatisfy(a -> assertThat(a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isBetween(ArticleGenerator.MIN_BYTES, ArticleGenerator.MAX_BYTES));
		assertThat(Corpus.of(7, 0, 0)).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void theEngineBenchmarkRunsAndAgreesWithLuceneMonitor() throws Exception {
		Map<String, String> result = EngineBenchmarkMain.run(new String[] { "--gazetteers=a", "--generated=20",
				"--forks=0", "--warmup=0", "--iterations=1", "--time-ms=100" });
		assertThat(result).containsKeys("screen_a_articles_per_s", "monitor_a_articles_per_s",
				"engine_vs_monitor_ratio");
		// the same names, the same tokenizer: a difference is a bug in one matcher or the other
		assertThat(Double.parseDouble(result.get("mention_agreement_a"))).isGreaterThanOrEqualTo(0.99);
		Workload.closeAll();
	}

	@Test
	void theEndToEndBenchmarkRuns() throws Exception {
		Map<String, String> result = EndToEndBenchmark.run(new String[] { "--articles=200", "--gazetteer=a",
				"--rate=50", "--seconds=1", "--partitions=2", "--grace-seconds=10" });
		assertThat(result).containsKeys("service_drain_articles_per_s", "passthrough_drain_articles_per_s",
				"service_p99_ms", "e2e_vs_passthrough_ratio");
	}

	@Test
	void theStartupBenchmarkRuns() throws Exception {
		Map<String, String> result = StartupBenchmark.run(new String[] { "--gazetteer=a" });
		assertThat(result).containsKeys("ready_ms", "heap_after_gc_mb");
	}

	@Test
	void theSoakCommandRunsAndJudgesTheHeapTrend() throws Exception {
		Map<String, String> result = SoakTest.run(new String[] { "--minutes=0.25", "--rate=20",
				"--interval-seconds=2", "--partitions=2", "--heap=256m", "--bad-every=25" });
		assertThat(result).containsKeys("heap_slope_second_half_mb_per_min", "heap_max_mb", "alerts_raised",
				"dead_lettered", "final_lag");
		assertThat(Long.parseLong(result.get("published"))).isPositive();
		assertThat(result.get("verdict")).isIn("bounded", "growing");
	}

	@Test
	void theSoakVerdictFollowsTheSlopeOfTheHeap() {
		List<SoakTest.Sample> growing = List.of(new SoakTest.Sample(0, 100, 0, 0), new SoakTest.Sample(1, 102, 0, 0),
				new SoakTest.Sample(2, 104, 0, 0), new SoakTest.Sample(3, 106, 0, 0));
		assertThat(SoakTest.slope(growing)).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
		List<SoakTest.Sample> flat = List.of(new SoakTest.Sample(0, 100, 0, 0), new SoakTest.Sample(1, 103, 0, 0),
				new SoakTest.Sample(2, 100, 0, 0), new SoakTest.Sample(3, 103, 0, 0), new SoakTest.Sample(4, 100, 0, 0));
		assertThat(SoakTest.slope(flat)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
	}

}
