package org.sanctionswatch.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.Example;
import org.sanctionswatch.rules.Rule;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.rules.Ruleset;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the examples of every rule in force: the bundled packs, the user pack under
 * {@code src/test/resources/rules-extra}, and any directory given with
 * {@code -Dsanctions-watch.rules.directory=...}. A rule fires on each of its "fire" texts and stays quiet on
 * each of its "quiet" texts, with the small OFAC and UN fixtures loaded so that list rules can fire.
 */
class RuleExamplesTests {

	@TestFactory
	Stream<DynamicNode> everyRuleFiresAndStaysQuietOnItsExamples() throws Exception {
		ReferenceData reference = ReferenceData.bundled();
		Gazetteer gazetteer = GazetteerHolder.build(reference, fixtureLists());
		List<DynamicNode> nodes = new ArrayList<>();
		for (Path directory : directories()) {
			RuleRepository repository = new RuleRepository(reference.transactionKinds(), true, directory);
			assertThat(repository.lastError()).as("rule files in %s", directory).isNull();
			for (Rule rule : repository.current().rules()) {
				Ruleset single = new Ruleset(List.of(rule), List.of(rule.pack()), "examples");
				ScreeningEngine engine = new ScreeningEngine(reference, () -> gazetteer, () -> single, 0,
						Clock.systemUTC());
				nodes.add(DynamicContainer.dynamicContainer(rule.id() + " (" + rule.file() + ")",
						Stream.concat(rule.fire().stream().map(e -> example(engine, rule, e, true)),
								rule.quiet().stream().map(e -> example(engine, rule, e, false)))));
			}
		}
		return nodes.stream();
	}

	private static DynamicTest example(ScreeningEngine engine, Rule rule, Example example, boolean fires) {
		String name = (fires ? "fires on line " : "stays quiet on line ") + example.line() + ": " + example.body();
		return DynamicTest.dynamicTest(name, () -> {
			List<AlertRaised> alerts = engine
				.screen(new Article("example-" + example.line(), example.title(), example.body(), null, null, null, null))
				.alerts();
			if (fires) {
				assertThat(alerts).as(name).extracting(AlertRaised::ruleId).containsExactly(rule.id());
				AlertRaised alert = alerts.get(0);
				assertThat(alert.evidence()).isNotEmpty()
					.allSatisfy(s -> assertThat(example.body().substring(s.start(), s.end())).isEqualTo(s.text()));
			}
			else {
				assertThat(alerts).as(name).isEmpty();
			}
		});
	}

	private static List<Path> directories() throws Exception {
		List<Path> directories = new ArrayList<>();
		directories.add(Path.of(new ClassPathResource("rules-extra").getURI()));
		String configured = System.getProperty("sanctions-watch.rules.directory");
		if (configured != null && Files.isDirectory(Path.of(configured))) {
			directories.add(Path.of(configured));
		}
		return directories;
	}

	static List<org.sanctionswatch.lists.SanctionsList> fixtureLists() throws Exception {
		Map<String, String> values = Map.of("sanctions-watch.lists.sources[0].id", "ofac",
				"sanctions-watch.lists.sources[0].format", "ofac-sdn-csv", "sanctions-watch.lists.sources[0].location",
				new ClassPathResource("lists/ofac").getFile().toString(), "sanctions-watch.lists.sources[1].id", "un",
				"sanctions-watch.lists.sources[1].format", "un-consolidated-xml",
				"sanctions-watch.lists.sources[1].location",
				new ClassPathResource("lists/un/consolidated.xml").getFile().toString());
		SanctionsWatchProperties properties = new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate("sanctions-watch", SanctionsWatchProperties.class);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		try {
			SanctionsListRegistry registry = new SanctionsListRegistry(properties, event -> {
			}, scheduler);
			registry.refreshNow();
			assertThat(registry.current()).hasSize(2);
			return registry.current();
		}
		finally {
			scheduler.shutdown();
		}
	}

}
