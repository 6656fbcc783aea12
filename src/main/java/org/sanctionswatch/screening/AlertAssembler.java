package org.sanctionswatch.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;
import org.sanctionswatch.analysis.Item;
import org.sanctionswatch.analysis.NamedMention;
import org.sanctionswatch.analysis.Party;
import org.sanctionswatch.analysis.Role;
import org.sanctionswatch.analysis.Span;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.Facts;
import org.sanctionswatch.rules.RuleHit;

/** Turns a rule hit into the alert event, merging every transaction of the article that satisfied the rule. */
final class AlertAssembler {

	private static final List<String> STAGES = List.of("negotiation", "agreed", "delivery");

	// An alert must fit on the alert topic whatever the article: a 1 MiB article of repeated names would
	// otherwise give a 13 MB alert. The first sentences and names carry the explanation.
	static final int MAX_EVIDENCE = 50;

	static final int MAX_MATCHES = 500;

	static final int MAX_MENTIONS = 20;

	private final ReferenceData reference;

	AlertAssembler(ReferenceData reference) {
		this.reference = reference;
	}

	AlertRaised assemble(Article article, String language, ArticleAnalysis analysis, RuleHit hit,
			String rulesetVersion, Instant detectedAt) {
		List<Party> counterparties = withListedParents(hit.bindings().get("counterparty", Party.class));
		List<Party> exposed = hit.bindings().get("exposed", Party.class);
		List<Item> systems = hit.bindings().get("system", Item.class);
		if (systems.isEmpty()) {
			systems = hit.units().stream().flatMap(u -> u.items().stream()).filter(i -> !i.generic()).toList();
		}
		// sorted: the same article gives the same alert bytes on every replica and every replay
		Set<String> kinds = new TreeSet<>();
		String stage = "unspecified";
		Set<Span> unique = new LinkedHashSet<>();
		for (Facts unit : hit.units()) {
			kinds.addAll(unit.kinds());
			if (STAGES.indexOf(unit.stage()) > STAGES.indexOf(stage)) {
				stage = unit.stage();
			}
			unique.addAll(unit.evidence());
		}
		List<Span> spans = new ArrayList<>(unique);
		spans.sort(Comparator.comparing(Span::field).thenComparingInt(Span::start));
		if (spans.size() > MAX_EVIDENCE) {
			spans = spans.subList(0, MAX_EVIDENCE);
		}
		var rule = hit.rule();
		return new AlertRaised(AlertIds.of(article.id(), rule.id(), rule.version()), rule.id(), rule.title(),
				rule.version(), rule.citation(), rule.severity().name(),
				score(stage, counterparties, hit.units().size()), stage, article.id(), article.title(), article.url(),
				article.source(), article.publishedAt(), language, parties(exposed), parties(counterparties),
				items(systems), List.copyOf(kinds), spans(spans, "body"), spans(spans, "title"), matches(analysis),
				rulesetVersion, detectedAt.toString());
	}

	// Firmer stages, named and listed counterparties, and repeated reports make an alert more certain.
	private static double score(String stage, List<Party> counterparties, int units) {
		double score = switch (stage) {
			case "delivery" -> 0.85;
			case "agreed" -> 0.8;
			case "negotiation" -> 0.65;
			default -> 0.6;
		};
		boolean named = counterparties.stream().anyMatch(p -> p.role() != Role.IMPLIED && p.role() != Role.CONTEXT);
		boolean listed = counterparties.stream().anyMatch(p -> p.entries().stream().anyMatch(e -> !e.lists().isEmpty()));
		score += named ? 0.05 : -0.05;
		score += listed ? 0.05 : 0;
		score += Math.min(0.05, 0.02 * (units - 1));
		return Math.round(Math.min(1.0, score) * 100) / 100.0;
	}

	// Rosoboronexport is Rostec's: a counterparty's listed parent is a counterparty too, and compliance screens both
	private List<Party> withListedParents(List<Party> counterparties) {
		List<Party> out = new ArrayList<>(counterparties);
		// a set, not a scan of the list: a long article binds a counterparty once a sentence
		Set<String> present = new java.util.HashSet<>();
		counterparties.forEach(p -> present.add(p.primary().id()));
		for (Party p : counterparties) {
			String parentId = p.primary().attribute("parent");
			Entry parent = (parentId != null) ? this.reference.entry("ref:" + parentId) : null;
			if (parent != null && !parent.lists().isEmpty() && present.add(parent.id())) {
				out.add(new Party(List.of(parent), Role.IMPLIED, null, "parent of " + p.primary().name()));
			}
		}
		return out;
	}

	private List<AlertRaised.Party> parties(List<Party> parties) {
		Map<String, AlertRaised.Party> byId = new LinkedHashMap<>();
		for (Party p : parties) {
			Entry primary = p.primary();
			AlertRaised.Party existing = byId.get(primary.id());
			List<AlertRaised.Span> mentions = new ArrayList<>((existing != null) ? existing.mentions() : List.of());
			if (p.mention() != null && mentions.size() < MAX_MENTIONS && mentions.stream().noneMatch(m -> same(m, p.mention()))) {
				mentions.add(span(p.mention()));
			}
			String basis = switch (p.role()) {
				case CONTEXT -> "context";
				case IMPLIED -> (p.reason() != null && p.reason().startsWith("parent of ")) ? "parent" : "implied";
				default -> "named";
			};
			if (existing != null && "named".equals(existing.basis())) {
				basis = "named";
			}
			byId.put(primary.id(), new AlertRaised.Party(primary.name(), primary.id(), primary.kind().label(),
					primary.country(), basis, p.reason(), lists(p.entries()), mentions));
		}
		return List.copyOf(byId.values());
	}

	private List<AlertRaised.Item> items(List<Item> items) {
		Map<String, AlertRaised.Item> byId = new LinkedHashMap<>();
		for (Item i : items) {
			AlertRaised.Item existing = byId.get(i.entry().id());
			List<AlertRaised.Span> mentions = new ArrayList<>((existing != null) ? existing.mentions() : List.of());
			if (mentions.size() < MAX_MENTIONS && mentions.stream().noneMatch(m -> same(m, i.mention()))) {
				mentions.add(span(i.mention()));
			}
			byId.put(i.entry().id(), new AlertRaised.Item(i.entry().name(), i.entry().id(), i.entry().category(),
					i.origin(), maker(i.entry()), mentions));
		}
		return List.copyOf(byId.values());
	}

	private @Nullable String maker(Entry item) {
		String id = item.attribute("maker");
		Entry maker = (id != null) ? this.reference.entry(id) : null;
		return (maker != null) ? maker.name() : null;
	}

	private static List<AlertRaised.Match> matches(ArticleAnalysis analysis) {
		List<AlertRaised.Match> out = new ArrayList<>();
		for (NamedMention m : analysis.names()) {
			if (out.size() == MAX_MATCHES) {
				break;
			}
			Entry primary = m.entries().get(0);
			Span s = m.span();
			out.add(new AlertRaised.Match(s.field(), s.start(), s.end(), s.text(), primary.id(), primary.name(),
					primary.kind().label(), lists(m.entries())));
		}
		return out;
	}

	private static List<AlertRaised.ListRef> lists(List<Entry> entries) {
		List<AlertRaised.ListRef> refs = new ArrayList<>();
		for (Entry e : entries) {
			for (Entry.ListRef ref : e.lists()) {
				refs.add(new AlertRaised.ListRef(ref.list(), ref.entryId(), ref.entryName(), ref.programs()));
			}
		}
		return refs;
	}

	private static List<AlertRaised.Span> spans(List<Span> spans, String field) {
		return spans.stream().filter(s -> s.field().equals(field)).map(AlertAssembler::span).toList();
	}

	private static AlertRaised.Span span(Span s) {
		return new AlertRaised.Span(s.field(), s.start(), s.end(), s.text());
	}

	private static boolean same(AlertRaised.Span a, Span b) {
		return a.field().equals(b.field()) && a.start() == b.start();
	}

}
