package org.sanctionswatch.rules;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.analysis.Role;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule pack, checking it against the rule-pack schema ({@code docs/schemas/rule-pack.schema.json})
 * and the known vocabulary as it goes, so every refusal names the file, the line and the cause.
 */
final class RulePackParser {

	static final Set<String> BINDS = Set.of("exposed", "counterparty", "system");

	private static final Set<String> PARTY_KINDS = Set.of("organisation", "person", "vessel", "government-body",
			"country");

	private static final Set<String> ITEM_KINDS = Set.of("system", "pipeline", "goods");

	private static final Set<String> STAGES = Set.of("negotiation", "agreed", "delivery");

	private final Set<String> knownKinds;

	private String file = "";

	private String source = "";

	RulePackParser(Set<String> knownKinds) {
		this.knownKinds = Set.copyOf(knownKinds);
	}

	/** A parsed pack; {@code lines} holds the line each rule starts on, for errors found across packs. */
	record Pack(String id, String version, List<Rule> rules, Map<String, Integer> lines) {

		int line(String ruleId) {
			return this.lines.getOrDefault(ruleId, 1);
		}

	}

	Pack parse(String file, String content) {
		this.file = file;
		this.source = content;
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			throw new RuleFileException(file, (mark != null) ? mark.getLine() + 1 : 1,
					"not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new RuleFileException(file, 1, "not valid YAML: " + ex.getMessage());
		}
		if (root == null) {
			throw new RuleFileException(file, 1, "the file is empty");
		}
		Map<String, Node> pack = mapping(root, "rule pack", Set.of("pack", "version", "title", "description", "rules"),
				Set.of("pack", "version", "rules"));
		String id = scalar(pack.get("pack"), "pack");
		String version = scalar(pack.get("version"), "version");
		List<Rule> rules = new ArrayList<>();
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (Node node : sequence(pack.get("rules"), "rules")) {
			Rule rule = rule(node, id);
			if (lines.putIfAbsent(rule.id(), node.getStartMark().getLine() + 1) != null) {
				throw error(node, "rule id '" + rule.id() + "' appears twice in this pack");
			}
			rules.add(rule);
		}
		if (rules.isEmpty()) {
			throw error(pack.get("rules"), "a pack needs at least one rule");
		}
		return new Pack(id, version, rules, lines);
	}

	private Rule rule(Node node, String pack) {
		Map<String, Node> rule = mapping(node, "rule",
				Set.of("id", "title", "citation", "severity", "version", "description", "when", "examples"),
				Set.of("id", "title", "citation", "severity", "when", "examples"));
		String id = scalar(rule.get("id"), "id");
		if (!id.matches("[A-Z][A-Z0-9-]{1,63}")) {
			throw error(rule.get("id"), "rule id '" + id + "' must be upper case letters, digits and '-'");
		}
		Severity severity = enumValue(rule.get("severity"), "severity", Severity.class);
		Map<String, Node> when = mapping(rule.get("when"), "when", null, Set.of());
		Scope scope = when.containsKey("within") ? enumValue(when.get("within"), "within", Scope.class)
				: Scope.TRANSACTION;
		Map<String, Node> conditionOnly = new LinkedHashMap<>(when);
		conditionOnly.remove("within");
		Condition condition = condition(rule.get("when"), conditionOnly, scope);
		Map<String, Node> examples = mapping(rule.get("examples"), "examples", Set.of("fire", "quiet"),
				Set.of("fire", "quiet"));
		List<Example> fire = examples(examples.get("fire"), "fire");
		List<Example> quiet = examples(examples.get("quiet"), "quiet");
		if (fire.isEmpty() || quiet.isEmpty()) {
			throw error(rule.get("examples"), "a rule needs at least one 'fire' and one 'quiet' example");
		}
		String version = rule.containsKey("version") ? scalar(rule.get("version"), "version") : hash(node);
		return new Rule(id, scalar(rule.get("title"), "title"), scalar(rule.get("citation"), "citation"), severity,
				version, pack, this.file, scope, condition, fire, quiet);
	}

	private Condition condition(Node node, Map<String, Node> keys, Scope scope) {
		if (keys.size() != 1) {
			throw error(node, "a condition has exactly one of all, any, not, maybe, kind, stage, party, item; found "
					+ (keys.isEmpty() ? "none" : keys.keySet()));
		}
		Map.Entry<String, Node> only = keys.entrySet().iterator().next();
		Node value = only.getValue();
		return switch (only.getKey()) {
			case "all" -> new Condition.All(sequence(value, "all").stream().map(n -> condition(n, scope)).toList());
			case "any" -> new Condition.Any(sequence(value, "any").stream().map(n -> condition(n, scope)).toList());
			case "not" -> new Condition.Not(condition(value, scope));
			case "maybe" -> new Condition.Maybe(condition(value, scope));
			case "kind" -> new Condition.TransactionKind(known(value, "kind", this.knownKinds));
			case "stage" -> new Condition.Stage(known(value, "stage", STAGES));
			case "party" -> party(value, scope);
			case "item" -> item(value);
			case "within" -> throw error(node, "'within' belongs at the top of 'when'");
			default -> throw error(node, "unknown condition '" + only.getKey()
					+ "' (expected all, any, not, maybe, kind, stage, party or item)");
		};
	}

	private Condition condition(Node node, Scope scope) {
		return condition(node, mapping(node, "condition", null, Set.of()), scope);
	}

	private Condition party(Node node, Scope scope) {
		Map<String, Node> p = mapping(node, "party",
				Set.of("bind", "list", "notList", "program", "country", "notCountry", "role", "kind", "sector"), Set.of());
		Set<String> roleLabels = Arrays.stream(Role.values()).map(Role::label).collect(Collectors.toSet());
		Set<Role> roles = known(p.get("role"), "role", roleLabels).stream()
			.map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT)))
			.collect(Collectors.toSet());
		if (!roles.isEmpty() && scope != Scope.TRANSACTION) {
			throw error(p.get("role"), "roles exist only 'within: transaction'");
		}
		return new Condition.PartyMatch(bind(p.get("bind")), strings(p.get("list"), "list"),
				strings(p.get("notList"), "notList"),
				strings(p.get("program"), "program"), strings(p.get("country"), "country"),
				strings(p.get("notCountry"), "notCountry"), roles, known(p.get("kind"), "kind", PARTY_KINDS),
				strings(p.get("sector"), "sector"));
	}

	private Condition item(Node node) {
		Map<String, Node> i = mapping(node, "item",
				Set.of("bind", "category", "notCategory", "origin", "notOrigin", "kind", "named"), Set.of());
		boolean named = i.containsKey("named") && Boolean.parseBoolean(scalar(i.get("named"), "named"));
		return new Condition.ItemMatch(bind(i.get("bind")), strings(i.get("category"), "category"),
				strings(i.get("notCategory"), "notCategory"), strings(i.get("origin"), "origin"),
				strings(i.get("notOrigin"), "notOrigin"), known(i.get("kind"), "kind", ITEM_KINDS), named);
	}

	private @Nullable String bind(@Nullable Node node) {
		if (node == null) {
			return null;
		}
		String bind = scalar(node, "bind");
		if (!BINDS.contains(bind)) {
			throw error(node, "bind '" + bind + "' is not one of " + BINDS);
		}
		return bind;
	}

	private List<Example> examples(Node node, String what) {
		List<Example> out = new ArrayList<>();
		for (Node n : sequence(node, what)) {
			int line = n.getStartMark().getLine() + 1;
			if (n instanceof ScalarNode) {
				out.add(new Example(null, scalar(n, what), line));
			}
			else {
				Map<String, Node> m = mapping(n, "example", Set.of("title", "body"), Set.of("body"));
				out.add(new Example(m.containsKey("title") ? scalar(m.get("title"), "title") : null,
						scalar(m.get("body"), "body"), line));
			}
		}
		return out;
	}

	private Set<String> known(@Nullable Node node, String what, Set<String> allowed) {
		Set<String> values = strings(node, what);
		for (String v : values) {
			if (!allowed.contains(v)) {
				throw error(node, what + " '" + v + "' is not one of " + allowed.stream().sorted().toList());
			}
		}
		return values;
	}

	private Set<String> strings(@Nullable Node node, String what) {
		if (node == null) {
			return Set.of();
		}
		if (node instanceof ScalarNode) {
			return Set.of(scalar(node, what));
		}
		Set<String> out = new HashSet<>();
		for (Node n : sequence(node, what)) {
			out.add(scalar(n, what));
		}
		return out;
	}

	private <E extends Enum<E>> E enumValue(Node node, String what, Class<E> type) {
		String value = scalar(node, what);
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw error(node, what + " '" + value + "' is not one of "
					+ Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
		}
	}

	private Map<String, Node> mapping(Node node, String what, @Nullable Set<String> allowed, Set<String> required) {
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, what + " must be a mapping");
		}
		Map<String, Node> out = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "key");
			if (allowed != null && !allowed.contains(key)) {
				throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
						+ allowed.stream().sorted().toList() + ")");
			}
			if (out.put(key, tuple.getValueNode()) != null) {
				throw error(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
			}
		}
		for (String key : required) {
			if (!out.containsKey(key)) {
				throw error(node, what + " is missing '" + key + "'");
			}
		}
		return out;
	}

	private List<Node> sequence(@Nullable Node node, String what) {
		if (!(node instanceof SequenceNode sequence)) {
			throw error(node, "'" + what + "' must be a list");
		}
		return sequence.getValue();
	}

	private String scalar(@Nullable Node node, String what) {
		if (!(node instanceof ScalarNode scalar)) {
			throw error(node, "'" + what + "' must be a single value");
		}
		if (scalar.getValue().isBlank()) {
			throw error(node, "'" + what + "' must not be empty");
		}
		return scalar.getValue();
	}

	private RuleFileException error(@Nullable Node node, String cause) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 1;
		return new RuleFileException(this.file, line, cause);
	}

	/**
	 * A rule's version when it names none: a digest of its content, not of its text, so that moving the rule,
	 * re-indenting it or adding a rule after it leaves its version, and so its alerts' ids, unchanged.
	 */
	private String hash(Node node) {
		StringBuilder canonical = new StringBuilder();
		canonical(node, canonical);
		String text = canonical.toString();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void canonical(Node node, StringBuilder out) {
		if (node instanceof ScalarNode scalar) {
			out.append('"').append(scalar.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		else if (node instanceof SequenceNode sequence) {
			out.append('[');
			sequence.getValue().forEach((item) -> {
				canonical(item, out);
				out.append(',');
			});
			out.append(']');
		}
		else if (node instanceof MappingNode mapping) {
			out.append('{');
			for (NodeTuple tuple : mapping.getValue()) {
				canonical(tuple.getKeyNode(), out);
				out.append(':');
				canonical(tuple.getValueNode(), out);
				out.append(',');
			}
			out.append('}');
		}
	}

}
