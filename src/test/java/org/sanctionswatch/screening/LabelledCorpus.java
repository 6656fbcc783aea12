package org.sanctionswatch.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.Party;
import org.sanctionswatch.analysis.Transaction;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.lists.SourceStatus;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Labelled articles in JSON Lines (the format of the team's evaluation samples: {@code id}, {@code title},
 * {@code body}, {@code language}, {@code publishedAt}, {@code expect.fire}, {@code expect.rules}) and their
 * score under a screening engine, each language on its own, the way the product is judged: an article is a
 * true positive when it must fire and any rule fires, a false positive when it must stay quiet and anything
 * fires; a family is recalled when some fired rule id starts with it.
 */
final class LabelledCorpus {

	record Labelled(String file, String id, Article article, boolean fire, List<String> rules, String kind) {
	}

	record Outcome(Labelled labelled, List<String> fired, Screening screening) {

		String verdict() {
			boolean any = !this.fired.isEmpty();
			return this.labelled.fire() ? (any ? "TP" : "FN") : (any ? "FP" : "TN");
		}

		List<String> missedFamilies() {
			return this.labelled.rules()
				.stream()
				.filter(family -> this.fired.stream().noneMatch(r -> r.toUpperCase(Locale.ROOT).startsWith(family)))
				.toList();
		}

	}

	/** Counts of one language. */
	static final class Tally {

		int tp, fp, fn, tn, families, familiesRecalled;

		void add(Outcome o) {
			switch (o.verdict()) {
				case "TP" -> this.tp++;
				case "FP" -> this.fp++;
				case "FN" -> this.fn++;
				default -> this.tn++;
			}
			this.families += o.labelled().rules().size();
			this.familiesRecalled += o.labelled().rules().size() - o.missedFamilies().size();
		}

		double precision() {
			return (this.tp + this.fp == 0) ? 1.0 : (double) this.tp / (this.tp + this.fp);
		}

		double recall() {
			return (this.tp + this.fn == 0) ? 1.0 : (double) this.tp / (this.tp + this.fn);
		}

		double familyRecall() {
			return (this.families == 0) ? 1.0 : (double) this.familiesRecalled / this.families;
		}

		int articles() {
			return this.tp + this.fp + this.fn + this.tn;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%d articles  TP %d FP %d FN %d TN %d  precision %.2f recall %.2f family recall %.2f (%d/%d)",
					articles(), this.tp, this.fp, this.fn, this.tn, precision(), recall(), familyRecall(),
					this.familiesRecalled, this.families);
		}

	}

	record Score(List<Outcome> outcomes, Map<String, Tally> byLanguage) {

		List<Outcome> misses() {
			return this.outcomes.stream()
				.filter(o -> o.verdict().equals("FN") || o.verdict().equals("FP") || !o.missedFamilies().isEmpty())
				.toList();
		}

		String report(boolean details) {
			StringBuilder out = new StringBuilder();
			this.byLanguage.forEach((lang, tally) -> out.append("language ").append(lang).append(": ").append(tally)
				.append('\n'));
			if (details) {
				for (Outcome o : misses()) {
					out.append(String.format(Locale.ROOT, "  %s %s (%s) expected %s got %s :: %s%n", o.verdict(),
							o.labelled().id(), o.labelled().kind(), o.labelled().rules(), o.fired(),
							abbreviate(o.labelled().article().title())));
				}
			}
			return out.toString();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LabelledCorpus() {
	}

	static List<Labelled> read(Path file) {
		List<Labelled> out = new ArrayList<>();
		try {
			int line = 0;
			for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				line++;
				if (text.isBlank()) {
					continue;
				}
				JsonNode n = JSON.readTree(text);
				JsonNode expect = n.required("expect");
				List<String> rules = new ArrayList<>();
				expect.path("rules").forEach(r -> rules.add(r.asString().toUpperCase(Locale.ROOT)));
				String id = n.required("id").asString();
				Article article = new Article(id, optional(n, "title"), n.required("body").asString(), null,
						"corpus", optional(n, "publishedAt"), n.path("language").asString("en"));
				out.add(new Labelled(file.getFileName() + ":" + line, id, article, expect.required("fire").asBoolean(),
						List.copyOf(rules), n.path("kind").asString("")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	static Score score(ScreeningEngine engine, List<Labelled> corpus) {
		List<Outcome> outcomes = new ArrayList<>();
		Map<String, Tally> byLanguage = new TreeMap<>();
		for (Labelled l : corpus) {
			Screening screening = engine.screen(l.article());
			List<String> fired = screening.alerts().stream().map(AlertRaised::ruleId).distinct().sorted().toList();
			Outcome o = new Outcome(l, fired, screening);
			outcomes.add(o);
			byLanguage.computeIfAbsent(l.article().language(), k -> new Tally()).add(o);
		}
		return new Score(outcomes, byLanguage);
	}

	/** The engine over the bundled reference data and rules, with the given lists. */
	static ScreeningEngine engine(List<SanctionsList> lists) {
		ReferenceData reference = ReferenceData.bundled();
		Gazetteer gazetteer = GazetteerHolder.build(reference, lists);
		RuleRepository rules = new RuleRepository(reference.transactionKinds(), true, null);
		return new ScreeningEngine(reference, () -> gazetteer, rules::current, 0, Clock.systemUTC());
	}

	/**
	 * The OFAC SDN and UN lists as local mode loads them, from the team's shared data beside the checkout;
	 * {@code null} when that copy is not there.
	 */
	static @Nullable List<SanctionsList> sharedLists(Path ofac, Path un) {
		if (!Files.isRegularFile(ofac.resolve("sdn.csv")) || !Files.isRegularFile(un)) {
			return null;
		}
		Map<String, String> values = Map.of("sanctions-watch.lists.sources[0].id", "ofac-sdn",
				"sanctions-watch.lists.sources[0].format", "ofac-sdn-csv", "sanctions-watch.lists.sources[0].location",
				ofac.toString(), "sanctions-watch.lists.sources[1].id", "un-consolidated",
				"sanctions-watch.lists.sources[1].format", "un-consolidated-xml",
				"sanctions-watch.lists.sources[1].location", un.toString());
		SanctionsWatchProperties properties = new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate("sanctions-watch", SanctionsWatchProperties.class);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		try {
			SanctionsListRegistry registry = new SanctionsListRegistry(properties, event -> {
			}, scheduler);
			registry.refreshNow();
			for (SourceStatus status : registry.status().values()) {
				if (status.state() != SourceStatus.State.LOADED) {
					throw new IllegalStateException("list " + status.sourceId() + " did not load: " + status.lastError());
				}
			}
			return registry.current();
		}
		finally {
			scheduler.shutdown();
		}
	}

	/** What the engine read in an article: every transaction with its parties and items, for a miss report. */
	static String explain(Screening screening) {
		StringBuilder out = new StringBuilder();
		out.append("    language ").append(screening.language()).append("; words:");
		for (org.sanctionswatch.analysis.Judgement j : screening.analysis().judgements()) {
			out.append(' ').append(j.word().text()).append('/').append(j.verdict());
		}
		out.append('\n');
		for (Transaction t : screening.analysis().transactions()) {
			out.append("    tx ").append(new TreeSet<>(t.kinds())).append(' ').append(t.stage()).append(" :: ")
				.append(abbreviate(t.sentence().text())).append('\n');
			for (Party p : t.parties()) {
				out.append("      ").append(p.role().label()).append(' ').append(p.primary().id()).append('\n');
			}
			Set<String> items = t.items().stream().map(i -> i.entry().id() + (i.fromContext() ? "*" : ""))
				.collect(Collectors.toCollection(TreeSet::new));
			out.append("      items ").append(items).append('\n');
		}
		return out.toString();
	}

	private static @Nullable String optional(JsonNode n, String field) {
		JsonNode v = n.get(field);
		return (v == null || v.isNull()) ? null : v.asString();
	}

	private static String abbreviate(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replace('\n', ' ');
		return (flat.length() > 110) ? flat.substring(0, 110) + "..." : flat;
	}

}
