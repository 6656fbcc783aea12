package org.sanctionswatch.bench;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.sanctionswatch.analysis.NamedMention;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.screening.BenchmarkGazetteers;
import org.sanctionswatch.screening.ScreeningEngine;
import org.sanctionswatch.text.TokenizedText;

/**
 * What the engine benchmark works on: a corpus, a gazetteer with its names, the service's screening engine over
 * it. Built once per JVM and configuration (list loading takes seconds), shared by the JMH states and the
 * cross-check.
 */
final class Workload {

	private static final Map<String, Workload> CACHE = new ConcurrentHashMap<>();

	final List<Article> articles;

	final Document[] documents;

	final long bytes;

	final Gazetteer gazetteer;

	final List<RegisteredName> names;

	final ScreeningEngine engine;

	private volatile MonitorMatcher monitor;

	private Workload(List<Article> articles, Gazetteer gazetteer, List<RegisteredName> names, ScreeningEngine engine) {
		this.articles = articles;
		this.documents = articles.stream().map(MonitorMatcher::document).toArray(Document[]::new);
		this.bytes = Corpus.bytes(articles);
		this.gazetteer = gazetteer;
		this.names = names;
		this.engine = engine;
	}

	static Workload of(String gazetteer, String ofac, String un, long seed, int generated, double share) {
		String key = String.join("|", gazetteer, ofac, un, String.valueOf(seed), String.valueOf(generated),
				String.valueOf(share));
		return CACHE.computeIfAbsent(key, k -> create(gazetteer, ofac, un, seed, generated, share));
	}

	private static Workload create(String choice, String ofac, String un, long seed, int generated, double share) {
		ReferenceData reference = ReferenceData.bundled();
		List<SanctionsList> lists = GazetteerChoice.lists(choice, ofac, un);
		Gazetteer.Builder builder = BenchmarkGazetteers.register(reference, lists);
		List<RegisteredName> names = RegisteredName.of(builder);
		// the gazetteer the service itself would build from the same inputs (and its version string)
		Gazetteer gazetteer = BenchmarkGazetteers.build(reference, lists);
		RuleRepository rules = new RuleRepository(reference.transactionKinds(), true, null);
		ScreeningEngine engine = new ScreeningEngine(reference, () -> gazetteer, rules::current, 0, Clock.systemUTC());
		return new Workload(Corpus.of(seed, generated, share), gazetteer, names, engine);
	}

	/** The Lucene Monitor over the same names; built on first use, registration takes a while for (b). */
	MonitorMatcher monitor() {
		MonitorMatcher m = this.monitor;
		if (m == null) {
			synchronized (this) {
				if (this.monitor == null) {
					this.monitor = new MonitorMatcher(this.names,
							org.sanctionswatch.text.TokenVocabulary.preferring(this.gazetteer.preferences()));
				}
				m = this.monitor;
			}
		}
		return m;
	}

	/** Closes the monitors: each keeps a non-daemon cache purge thread that would hold the JVM open. */
	static void closeAll() {
		for (Workload w : CACHE.values()) {
			MonitorMatcher m = w.monitor;
			if (m != null) {
				try {
					m.close();
				}
				catch (java.io.IOException ex) {
					// closing at exit: nothing left to protect
				}
			}
		}
		CACHE.clear();
	}

	/** Every name mention the gazetteer pass finds (before disambiguation), as {@code field:start-end}. */
	Set<String> engineMentions(Article article) {
		Set<String> spans = new TreeSet<>();
		addMentions(spans, MonitorMatcher.TITLE, (article.title() != null) ? article.title() : "");
		addMentions(spans, MonitorMatcher.BODY, article.body());
		return spans;
	}

	private void addMentions(Set<String> spans, String field, String text) {
		for (Mention m : this.gazetteer.find(this.gazetteer.tokenize(text))) {
			if (m.hits().stream().anyMatch(h -> h.entry().kind() != Entry.Kind.CUE)) {
				spans.add(field + ":" + m.start() + "-" + m.end());
			}
		}
	}

	/** The name mentions that survive disambiguation into the screening's analysis. */
	Set<String> screenedMentions(Article article) {
		Set<String> spans = new TreeSet<>();
		for (NamedMention n : this.engine.screen(article).analysis().names()) {
			spans.add(n.span().field() + ":" + n.span().start() + "-" + n.span().end());
		}
		return spans;
	}

}
