package org.sanctionswatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.SanctionsWatchProperties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.PropertySourceOrigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.sanctionswatch.deploy.RenderedChart.at;
import static org.sanctionswatch.deploy.RenderedChart.map;

/**
 * The service's environment in docker-compose.yml and in the Helm chart names only properties the application
 * reads: every SANCTIONS_WATCH_* variable binds to SanctionsWatchProperties with nothing left over, and every
 * other variable is a Spring Boot property of a module on the classpath (or a placeholder of
 * application.properties, or a JVM variable).
 */
class ComposeEnvironmentTests {

	/** Read by the JVM, not by Spring. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	/** Helpers the chart's JAAS line is assembled from ($(KAFKA_SASL_PASSWORD)); not read by the application. */
	private static final Set<String> CHART_SECRET_HELPERS = Set.of("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD");

	private static SpringPropertyNames names;

	@BeforeAll
	static void loadMetadata() {
		names = SpringPropertyNames.load();
	}

	@Test
	void composeSetsOnlyPropertiesTheApplicationReads() throws IOException {
		Map<String, String> env = composeEnvironment("sanctions-watch");
		assertThat(env).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SANCTIONS_WATCH_TOPICS_ARTICLES",
				"SANCTIONS_WATCH_TOPICS_DEAD_LETTER", "SANCTIONS_WATCH_TOPICS_CREATE", "SANCTIONS_WATCH_RULES_DIRECTORY");
		assertEveryVariableIsRead(env, Set.of());

		SanctionsWatchProperties properties = bindStrictly(env);
		assertThat(properties.topics().articles()).isEqualTo("news.articles");
		assertThat(properties.topics().deadLetter()).isEqualTo("news.articles.dlq");
		assertThat(properties.topics().create()).isFalse();
		assertThat(properties.rules().directory()).isEqualTo("/etc/sanctions-watch/rules");
		assertThat(properties.rules().pollInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.lists().sources()).extracting(SanctionsWatchProperties.Lists.Source::format)
			.containsExactly(SanctionsWatchProperties.Lists.Format.OFAC_SDN_CSV,
					SanctionsWatchProperties.Lists.Format.UN_CONSOLIDATED_XML);
		assertThat(properties.lists().sources()).allMatch(SanctionsWatchProperties.Lists.Source::optional);
	}

	@Test
	void composeCreatesTheTopicsTheServiceIsConfiguredFor() throws IOException {
		Map<String, String> service = composeEnvironment("sanctions-watch");
		Map<String, String> init = composeEnvironment("kafka-init");
		for (String topic : List.of("SANCTIONS_WATCH_TOPICS_ARTICLES", "SANCTIONS_WATCH_TOPICS_ALERTS",
				"SANCTIONS_WATCH_TOPICS_DEAD_LETTER", "SANCTIONS_WATCH_TOPICS_PARTITIONS")) {
			assertThat(init.get(topic)).as(topic).isNotNull().isEqualTo(service.get(topic));
		}
		String script = String.join("\n", RenderedChart.list(at(compose(), "services", "kafka-init", "command"))
			.stream()
			.map(String::valueOf)
			.toList());
		assertThat(script).contains("create \"$$SANCTIONS_WATCH_TOPICS_ARTICLES\"", "create \"$$SANCTIONS_WATCH_TOPICS_ALERTS\"",
				"create \"$$SANCTIONS_WATCH_TOPICS_DEAD_LETTER\"", "retention.ms");
		Map<String, Object> dependsOn = map(at(compose(), "services", "sanctions-watch", "depends_on"));
		assertThat(dependsOn).containsEntry("kafka-init", Map.of("condition", "service_completed_successfully"))
			.containsEntry("kafka", Map.of("condition", "service_healthy"))
			.containsEntry("postgres", Map.of("condition", "service_healthy"));
		assertThat(RenderedChart.list(at(compose(), "services", "sanctions-watch", "ports"))).containsExactly("8080:8080");
	}

	@Test
	void theChartSetsOnlyPropertiesTheApplicationReads() {
		Map<String, String> env = RenderedChart.render("values-production.yaml").environment(HelmChartTests.secrets());
		assertEveryVariableIsRead(env, CHART_SECRET_HELPERS);
		SanctionsWatchProperties properties = bindStrictly(env);
		assertThat(properties.rules().directory()).isEqualTo("/etc/sanctions-watch/rules");
		assertThat(properties.topics().partitions()).isEqualTo(12);
		assertThat(properties.lists().sources()).hasSize(2);
	}

	@Test
	void aMisspelledVariableIsCaught() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bindStrictly(Map.of("SANCTIONS_WATCH_TOPICS_ARTICLE", "news.articles",
					"SANCTIONS_WATCH_TOPICS_ALERTS", "sanctions.alerts")))
			.withMessage("no field of SanctionsWatchProperties takes [SANCTIONS_WATCH_TOPICS_ARTICLE]");
		assertThat(names.bootPropertyOf("SPRING_KAFKA_BOOTSTRAP_SERVER")).isNull();
		assertThat(names.bootPropertyOf("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("spring.kafka.bootstrap-servers");
		assertThat(names.bootPropertyOf("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo("spring.kafka.properties.*");
		assertThat(names.bootPropertyOf("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION"))
			.isEqualTo("spring.kafka.ssl.trust-store-location");
	}

	private static void assertEveryVariableIsRead(Map<String, String> env, Set<String> helpers) {
		Map<String, String> unread = new LinkedHashMap<>();
		env.keySet().forEach((variable) -> {
			if (variable.startsWith("SANCTIONS_WATCH_") || JVM_VARIABLES.contains(variable) || helpers.contains(variable)
					|| names.placeholders().contains(variable)) {
				return;
			}
			if (names.bootPropertyOf(variable) == null) {
				unread.put(variable, env.get(variable));
			}
		});
		assertThat(names.size()).as("Boot configuration metadata on the classpath").isGreaterThan(500);
		assertThat(unread).as("variables that set no property the application reads").isEmpty();
	}

	/**
	 * Binds the SANCTIONS_WATCH_* variables, failing on any that no field of SanctionsWatchProperties takes. Boot's
	 * NoUnboundElementsBindHandler cannot see unbound environment variables under a dashed prefix, so the handler
	 * here records the variable behind every bound value instead.
	 */
	private static SanctionsWatchProperties bindStrictly(Map<String, String> env) {
		Set<String> used = new HashSet<>();
		BindHandler tracking = new BindHandler() {

			@Override
			public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				ConfigurationProperty property = context.getConfigurationProperty();
				if (property != null && property.getOrigin() instanceof PropertySourceOrigin origin) {
					used.add(origin.getPropertyName());
				}
				return result;
			}

		};
		SanctionsWatchProperties properties = new Binder(SpringPropertyNames.environmentSources(env))
			.bindOrCreate("sanctions-watch", Bindable.of(SanctionsWatchProperties.class), tracking);
		Set<String> unbound = new TreeSet<>(env.keySet());
		unbound.removeIf((variable) -> !variable.startsWith("SANCTIONS_WATCH_") || used.contains(variable));
		if (!unbound.isEmpty()) {
			throw new IllegalArgumentException("no field of SanctionsWatchProperties takes " + unbound);
		}
		return properties;
	}

	private static Map<String, String> composeEnvironment(String service) throws IOException {
		Map<String, String> env = new LinkedHashMap<>();
		map(at(compose(), "services", service, "environment")).forEach((k, v) -> {
			if (!"<<".equals(k)) {
				env.put(k, String.valueOf(v));
			}
		});
		return env;
	}

	private static Map<String, Object> compose() throws IOException {
		return new Yaml(new LoaderOptions()).load(Files.readString(Path.of("docker-compose.yml")));
	}

}
