package org.sanctionswatch.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.reference.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleRepositoryTests {

	private static final Set<String> KINDS = ReferenceData.bundled().transactionKinds();

	@TempDir
	Path dir;

	@Test
	void refusesBrokenYamlSyntaxAtTheLineOfTheProblem() throws IOException {
		Path file = write("broken.yaml", """
				pack: local
				version: "1"
				rules:
				  - id: LOCAL-1
				    title: a title: with a colon
				""");
		assertRefused(file, 5, "not valid YAML: mapping values are not allowed here");
	}

	@Test
	void refusesAnUnknownKey() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("    severity: high\n",
				"    severity: high\n    colour: red\n")));
		// line 8 is "colour: red", right after severity on line 7
		assertRefused(file, 8,
				"unknown key 'colour' in rule (allowed: [citation, description, examples, id, severity, title, version, when])");
	}

	@Test
	void refusesAnUnknownKeyAtTheTop() throws IOException {
		Path file = write("local.yaml", "pack: local\nversion: \"1\"\nowner: me\n" + "rules:\n" + rule("LOCAL-1", "Local"));
		assertRefused(file, 3, "unknown key 'owner' in rule pack (allowed: [description, pack, rules, title, version])");
	}

	@Test
	void refusesAnUnknownCondition() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("      kind: [sale]\n", """
				      all:
				        - kind: [sale]
				        - colour: red
				""")));
		assertRefused(file, 11, "unknown condition 'colour' (expected all, any, not, maybe, kind, stage, party or item)");
	}

	@Test
	void refusesAnUnknownTransactionKind() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("[sale]", "[sale, barter]")));
		assertRefused(file, 9, "kind 'barter' is not one of " + new TreeSet<>(KINDS));
	}

	@Test
	void refusesAnUnknownRole() throws IOException {
		Path file = write("local.yaml", pack("local",
				rule("LOCAL-1", "Local").replace("      kind: [sale]\n", "      party: {role: [seller, broker]}\n")));
		assertRefused(file, 9, "role 'broker' is not one of [buyer, context, implied, other, partner, seller]");
	}

	@Test
	void refusesABadSeverity() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("high", "urgent")));
		assertRefused(file, 7, "severity 'urgent' is not one of [low, medium, high, critical]");
	}

	@Test
	void refusesARuleWithoutExamples() throws IOException {
		String rule = rule("LOCAL-1", "Local");
		Path file = write("local.yaml", pack("local", rule.substring(0, rule.indexOf("    examples:"))));
		// a missing key is reported where its rule starts
		assertRefused(file, 4, "rule is missing 'examples'");
	}

	@Test
	void refusesARuleWithAnEmptyQuietList() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("quiet: [Nothing happened.]", "quiet: []")));
		assertRefused(file, 11, "a rule needs at least one 'fire' and one 'quiet' example");
	}

	@Test
	void refusesARuleIdDefinedInTwoDirectoryPacks() throws IOException {
		write("a.yaml", pack("first", rule("SHARED-1", "First")));
		Path second = write("b.yaml", pack("second", rule("OTHER-1", "Other") + rule("SHARED-1", "Second")));
		// the second rule of b.yaml starts on line 13
		assertRefused(second, 13, "rule SHARED-1 is also defined in pack 'first' (" + this.dir.resolve("a.yaml") + ")");
	}

	@Test
	void servesTheBundledRulesWhenADirectoryPackRedefinesABundledRuleAtStartUp() throws IOException {
		Path file = write("local.yaml", pack("local", rule("CAATSA-231", "Mine")));
		RuleRepository repository = new RuleRepository(KINDS, true, this.dir);
		assertThat(ids(repository)).contains("CAATSA-231", "CAATSA-232").doesNotContain("LOCAL-1");
		assertThat(repository.current().packs()).containsExactlyElementsOf(new RuleRepository(KINDS, true, null).current().packs())
			.singleElement().asString().startsWith("caatsa@");
		RuleFileException error = repository.lastError();
		assertThat(error).isNotNull();
		assertThat(error.file()).isEqualTo(file.toString());
		assertThat(error.line()).isEqualTo(4);
		assertThat(error.reason()).isEqualTo("rule CAATSA-231 is also defined in pack 'caatsa' (classpath:rules/caatsa.yaml)");
	}

	@Test
	void aDirectoryPackOverridesTheBundledPackOfTheSameName() throws IOException {
		write("caatsa.yaml", pack("caatsa", rule("LOCAL-1", "Replacement")));
		RuleRepository repository = new RuleRepository(KINDS, true, this.dir);
		assertThat(repository.lastError()).isNull();
		assertThat(ids(repository)).containsExactly("LOCAL-1");
		assertThat(repository.current().packs()).containsExactly("caatsa@1");
		assertThat(repository.current().rules().get(0).file()).isEqualTo(this.dir.resolve("caatsa.yaml").toString());
	}

	@Test
	void readsOnlyVisibleYamlFilesOfTheDirectory() throws IOException {
		write("local.yml", pack("local", rule("LOCAL-1", "Local")));
		write(".hidden.yaml", "not: [valid");
		write("notes.txt", "not: [valid");
		RuleRepository repository = new RuleRepository(KINDS, false, this.dir);
		assertThat(ids(repository)).containsExactly("LOCAL-1");
	}

	@Test
	void aBrokenReloadKeepsThePreviousRulesUntilTheFileIsFixed() throws IOException {
		Path file = write("local.yaml", pack("local", rule("LOCAL-1", "Local")));
		RuleRepository repository = new RuleRepository(KINDS, false, this.dir);
		Ruleset before = repository.current();
		assertThat(repository.reloadIfChanged()).isFalse();

		write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("high", "urgent")));
		assertThat(repository.reloadIfChanged()).isFalse();
		assertThat(repository.current()).isSameAs(before);
		assertThat(repository.lastError()).isNotNull().satisfies(e -> {
			assertThat(e.file()).isEqualTo(file.toString());
			assertThat(e.line()).isEqualTo(7);
			assertThat(e.getMessage()).isEqualTo(file + ":7: severity 'urgent' is not one of [low, medium, high, critical]");
		});
		// polling the same broken file again changes nothing and keeps the error
		assertThat(repository.reloadIfChanged()).isFalse();
		assertThat(repository.lastError()).isNotNull();

		write("local.yaml", pack("local", rule("LOCAL-1", "Local").replace("high", "critical")));
		assertThat(repository.reloadIfChanged()).isTrue();
		assertThat(repository.lastError()).isNull();
		assertThat(repository.current().version()).isNotEqualTo(before.version());
		assertThat(repository.current().rules().get(0).severity()).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void aRuleVersionChangesWithItsOwnTextOnly() throws IOException {
		write("local.yaml", pack("local", rule("LOCAL-1", "One") + rule("LOCAL-2", "Two")));
		RuleRepository repository = new RuleRepository(KINDS, false, this.dir);
		Map<String, String> v1 = versions(repository);
		String rs1 = repository.current().version();

		write("local.yaml", pack("local", rule("LOCAL-1", "One, reworded") + rule("LOCAL-2", "Two")));
		assertThat(repository.reloadIfChanged()).isTrue();
		Map<String, String> v2 = versions(repository);
		assertThat(v2.get("LOCAL-1")).isNotEqualTo(v1.get("LOCAL-1"));
		assertThat(v2.get("LOCAL-2")).isEqualTo(v1.get("LOCAL-2"));
		String rs2 = repository.current().version();
		assertThat(rs2).isNotEqualTo(rs1).startsWith("rs-");

		write("local.yaml", pack("local", rule("LOCAL-1", "One, reworded") + rule("LOCAL-2", "Two, reworded")));
		assertThat(repository.reloadIfChanged()).isTrue();
		assertThat(versions(repository).get("LOCAL-1")).isEqualTo(v2.get("LOCAL-1"));
		assertThat(versions(repository).get("LOCAL-2")).isNotEqualTo(v2.get("LOCAL-2"));
		assertThat(repository.current().version()).isNotEqualTo(rs2);
	}

	@Test
	void aCommentOutsideTheRulesReloadsWithoutChangingAnyVersion() throws IOException {
		write("local.yaml", pack("local", rule("LOCAL-1", "One")));
		RuleRepository repository = new RuleRepository(KINDS, false, this.dir);
		String version = repository.current().version();
		write("local.yaml", "# reviewed by compliance\n" + pack("local", rule("LOCAL-1", "One")));
		assertThat(repository.reloadIfChanged()).isTrue();
		assertThat(repository.current().version()).isEqualTo(version);
	}

	@Test
	void anExplicitRuleVersionWins() throws IOException {
		write("local.yaml", pack("local", rule("LOCAL-1", "One").replace("    severity: high\n",
				"    severity: high\n    version: \"7\"\n")));
		RuleRepository repository = new RuleRepository(KINDS, false, this.dir);
		assertThat(versions(repository)).containsEntry("LOCAL-1", "7");
	}

	private void assertRefused(Path file, int line, String reason) {
		assertThatExceptionOfType(RuleFileException.class).isThrownBy(() -> new RuleRepository(KINDS, false, this.dir))
			.satisfies(ex -> {
				assertThat(ex.file()).isEqualTo(file.toString());
				assertThat(ex.reason()).isEqualTo(reason);
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.getMessage()).isEqualTo(file + ":" + line + ": " + reason);
			});
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	// three header lines, so the first rule starts on line 4 and each rule takes 9 lines
	@Test
	void aRuleWithoutVersionKeepsItsVersionWhenRulesAreAddedAfterItOrItIsReformatted() {
		RulePackParser parser = new RulePackParser(KINDS);
		String alone = version(parser.parse("a.yaml", pack("local", rule("LOCAL-1", "Local"))), "LOCAL-1");
		String followed = version(parser.parse("a.yaml",
				pack("local", rule("LOCAL-1", "Local") + "\n# later\n" + rule("LOCAL-2", "Other"))), "LOCAL-1");
		String reindented = version(parser.parse("a.yaml", pack("local", rule("LOCAL-1", "Local")
			.replace("    ", "      ").replace("  - id", "  -   id"))), "LOCAL-1");
		String retitled = version(parser.parse("a.yaml", pack("local", rule("LOCAL-1", "Local, renamed"))), "LOCAL-1");
		assertThat(followed).isEqualTo(alone);
		assertThat(reindented).isEqualTo(alone);
		assertThat(retitled).isNotEqualTo(alone);
	}

	private static String version(RulePackParser.Pack pack, String ruleId) {
		return pack.rules().stream().filter((r) -> r.id().equals(ruleId)).findFirst().orElseThrow().version();
	}

	private static String pack(String id, String rules) {
		return "pack: " + id + "\nversion: \"1\"\nrules:\n" + rules;
	}

	private static String rule(String id, String title) {
		return """
				  - id: %s
				    title: %s
				    citation: test
				    severity: high
				    when:
				      kind: [sale]
				    examples:
				      fire: [Russia sold tanks to Mali.]
				      quiet: [Nothing happened.]
				""".formatted(id, title);
	}

	private static Set<String> ids(RuleRepository repository) {
		return repository.current().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Map<String, String> versions(RuleRepository repository) {
		return repository.current().rules().stream().collect(Collectors.toMap(Rule::id, Rule::version));
	}

}
