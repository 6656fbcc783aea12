package org.sanctionswatch.bench;

import java.util.concurrent.TimeUnit;

import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.screening.Screening;
import org.sanctionswatch.text.TokenizedText;

/**
 * One operation is one article of the corpus, taken in turn, so the score is articles per second. {@code screen}
 * is the whole screening step of the service (name finding, roles, rules, alert building); {@code names} is its
 * gazetteer pass alone; {@code monitor} is Lucene Monitor answering which of the same names occur, and
 * {@code monitorHighlights} the same with the offsets of each occurrence. Run by {@link EngineBenchmarkMain}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class EngineBenchmark {

	@Param({ "a", "b" })
	public String gazetteer;

	@Param(GazetteerChoice.DEFAULT_OFAC)
	public String ofac;

	@Param(GazetteerChoice.DEFAULT_UN)
	public String un;

	@Param("42")
	public long seed;

	@Param("2000")
	public int generated;

	@Param("0.2")
	public double share;

	private Workload workload;

	private MonitorMatcher monitor;

	private int next;

	@Setup(Level.Trial)
	public void setUp(BenchmarkParams params) {
		this.workload = Workload.of(this.gazetteer, this.ofac, this.un, this.seed, this.generated, this.share);
		if (params.getBenchmark().contains("monitor")) {
			this.monitor = this.workload.monitor();
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		// Lucene's query cache purge thread is not a daemon: left open, it holds a forked JVM for 30 s
		Workload.closeAll();
	}

	private int nextIndex() {
		int i = this.next;
		this.next = (i + 1 == this.workload.articles.size()) ? 0 : i + 1;
		return i;
	}

	@Benchmark
	public Screening screen() {
		return this.workload.engine.screen(this.workload.articles.get(nextIndex()));
	}

	@Benchmark
	public int names() {
		Article article = this.workload.articles.get(nextIndex());
		int found = 0;
		if (article.title() != null) {
			found += this.workload.gazetteer.find(TokenizedText.of(article.title())).size();
		}
		java.util.List<Mention> body = this.workload.gazetteer.find(TokenizedText.of(article.body()));
		return found + body.size();
	}

	@Benchmark
	public int monitor() {
		return this.monitor.matchCount(this.workload.documents[nextIndex()]);
	}

	@Benchmark
	public MatchingQueries<HighlightsMatch> monitorHighlights() {
		return this.monitor.highlights(this.workload.documents[nextIndex()]);
	}

}
