package org.sanctionswatch.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sanctionswatch.analysis.ArticleAnalysis;
import org.sanctionswatch.analysis.Item;
import org.sanctionswatch.analysis.NamedMention;
import org.sanctionswatch.analysis.Party;
import org.sanctionswatch.analysis.Role;
import org.sanctionswatch.analysis.Span;
import org.sanctionswatch.analysis.Transaction;
import org.sanctionswatch.gazetteer.Entry;

/** Evaluates every rule of a ruleset on an analysed article; pure and allocation-light. */
public final class RuleEvaluator {

	private RuleEvaluator() {
	}

	public static List<RuleHit> evaluate(Ruleset ruleset, ArticleAnalysis analysis) {
		List<Facts> transactions = analysis.transactions().stream().map(RuleEvaluator::facts).toList();
		List<RuleHit> hits = new ArrayList<>();
		for (Rule rule : ruleset.rules()) {
			List<Facts> units = switch (rule.scope()) {
				case TRANSACTION -> transactions;
				case SENTENCE -> textUnits(analysis, analysis.sentences());
				case PARAGRAPH -> textUnits(analysis, analysis.paragraphs());
				case ARTICLE -> textUnits(analysis, List.of());
			};
			List<Facts> matched = new ArrayList<>();
			Bindings bindings = new Bindings();
			for (Facts unit : units) {
				Bindings b = rule.when().evaluate(unit);
				if (b != null) {
					matched.add(unit);
					bindings.addAll(b);
				}
			}
			if (!matched.isEmpty()) {
				hits.add(new RuleHit(rule, matched, bindings));
			}
		}
		return hits;
	}

	static Facts facts(Transaction t) {
		List<Span> evidence = new ArrayList<>();
		evidence.add(t.sentence());
		evidence.addAll(t.context());
		return new Facts(t.kinds(), t.stage(), t.parties(), t.items(), evidence);
	}

	// Without spans, the whole article is one unit.
	private static List<Facts> textUnits(ArticleAnalysis analysis, List<Span> spans) {
		if (spans.isEmpty()) {
			return List.of(textUnit(analysis, null));
		}
		return spans.stream().map(s -> textUnit(analysis, s)).toList();
	}

	private static Facts textUnit(ArticleAnalysis analysis, Span scope) {
		List<Party> parties = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		for (NamedMention name : analysis.names()) {
			if (scope != null && !within(name.span(), scope)) {
				continue;
			}
			Entry primary = name.entries().get(0);
			if (primary.kind().isParty()) {
				parties.add(new Party(name.entries(), Role.OTHER, name.span(), null));
			}
			else if (primary.kind().isItem()) {
				String origin = primary.attribute("origin");
				items.add(new Item(primary, name.span(), (origin != null) ? origin : primary.country(), false));
			}
		}
		Set<String> kinds = new LinkedHashSet<>();
		String stage = "agreed";
		for (Transaction t : analysis.transactions()) {
			if (scope == null || within(t.sentence(), scope)) {
				kinds.addAll(t.kinds());
				stage = t.stage();
			}
		}
		return new Facts(kinds, stage, parties, items, (scope != null) ? List.of(scope) : List.of());
	}

	private static boolean within(Span inner, Span outer) {
		return inner.field().equals(outer.field()) && inner.start() >= outer.start() && inner.end() <= outer.end();
	}

}
