package org.sanctionswatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.sanctionswatch.deploy.RenderedChart.at;
import static org.sanctionswatch.deploy.RenderedChart.list;
import static org.sanctionswatch.deploy.RenderedChart.map;

/** helm/sanctions-watch, linted and rendered by Helm itself. */
class HelmChartTests {

	@TempDir
	Path tmp;

	@Test
	void lintIsCleanInStrictModeWithTheDefaults() {
		LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
		assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
		assertThat(lint.getMessages()).noneMatch((m) -> m.contains("[WARNING]") || m.contains("[ERROR]"));
	}

	@Test
	void lintIsCleanInStrictModeWithProductionValues() {
		// helm-java's lint takes no values file: lint a copy whose values.yaml is the defaults merged with them
		for (String values : List.of("values-production.yaml", "values-keda.yaml")) {
			LintResult lint = new Helm(chartWithValues(values)).lint().strict().call();
			assertThat(lint.isFailed()).as("%s: %s", values, lint.getMessages()).isFalse();
			assertThat(lint.getMessages()).as(values).noneMatch((m) -> m.contains("[WARNING]") || m.contains("[ERROR]"));
		}
	}

	@Test
	void defaultsRenderTwoHardenedReplicasWithProbesAndABudget() {
		RenderedChart chart = RenderedChart.render();
		Map<String, Object> deployment = chart.get("Deployment");
		assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
		assertThat(chart.find("HorizontalPodAutoscaler")).isEmpty();
		assertThat(chart.find("ScaledObject")).isEmpty();
		assertThat(chart.find("Ingress")).isEmpty();
		assertThat(chart.find("ServiceMonitor")).isEmpty();
		assertThat(at(chart.get("PodDisruptionBudget"), "spec", "maxUnavailable")).isEqualTo(1);

		Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
		assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
		assertThat(map(pod.get("securityContext"))).containsEntry("fsGroup", 1001)
			.containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"))
			.doesNotContainKey("enabled");
		Map<String, Object> container = chart.container();
		assertThat(map(container.get("securityContext"))).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", 1001)
			.containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false)
			.containsEntry("privileged", false)
			.containsEntry("capabilities", Map.of("drop", List.of("ALL")))
			.doesNotContainKey("enabled");
		assertThat(at(container, "livenessProbe", "httpGet")).isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "http"));
		assertThat(at(container, "readinessProbe", "httpGet"))
			.isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "http"));
		assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat(at(container, "resources", "limits", "memory")).isEqualTo("1Gi");
		assertThat(mounts(container)).containsEntry("tmp", "/tmp");
		assertThat(volume(pod, "tmp")).containsKey("emptyDir");

		Map<String, String> env = chart.environment(Map.of());
		assertThat(env).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
			.containsEntry("SPRING_KAFKA_CONSUMER_GROUP_ID", "sanctions-watch")
			.containsEntry("SANCTIONS_WATCH_TOPICS_ARTICLES", "news.articles")
			.containsEntry("SANCTIONS_WATCH_TOPICS_CREATE", "false")
			.containsEntry("SANCTIONS_WATCH_ARTICLES_MAX_BYTES", "1048576")
			.containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError")
			.doesNotContainKeys("SANCTIONS_WATCH_RULES_DIRECTORY", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
					"SPRING_DATASOURCE_URL");
	}

	@Test
	void productionValuesReferenceSecretsAndMountTheRulePacksWhereTheServiceReadsThem() {
		RenderedChart chart = RenderedChart.render("values-production.yaml");
		Map<String, Object> deployment = chart.get("Deployment");
		assertThat(map(deployment.get("spec"))).as("the HPA owns the replica count").doesNotContainKey("replicas");
		Map<String, Object> hpa = chart.get("HorizontalPodAutoscaler");
		assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(3);
		assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(12);
		assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
		assertThat(at(map(list(at(hpa, "spec", "metrics")).get(0)), "resource", "name")).isEqualTo("cpu");
		assertThat(at(chart.get("PodDisruptionBudget"), "spec")).isEqualTo(Map.of("minAvailable", 2, "selector",
				Map.of("matchLabels", Map.of("app.kubernetes.io/name", "sanctions-watch", "app.kubernetes.io/instance",
						RenderedChart.RELEASE))));
		assertThat(at(chart.get("ServiceMonitor"), "spec", "endpoints")).isEqualTo(
				List.of(Map.of("port", "http", "path", "/actuator/prometheus", "interval", "30s", "scrapeTimeout", "10s")));
		assertThat(at(chart.get("Ingress"), "spec", "tls")).isNotNull();

		// rule packs: a ConfigMap mounted as a directory where sanctions-watch.rules.directory points
		Map<String, Object> container = chart.container();
		Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
		Map<String, String> env = chart.environment(secrets());
		assertThat(env).containsEntry("SANCTIONS_WATCH_RULES_DIRECTORY", "/etc/sanctions-watch/rules");
		assertThat(mounts(container)).containsEntry("rules", "/etc/sanctions-watch/rules");
		assertThat(list(container.get("volumeMounts"))).noneMatch((m) -> map(m).containsKey("subPath"));
		String rulesConfigMap = (String) at(volume(pod, "rules"), "configMap", "name");
		Map<String, Object> packs = map(at(chart.find("ConfigMap", rulesConfigMap).orElseThrow(), "data"));
		assertThat(packs).containsOnlyKeys("analyst-watch.yaml");
		assertThat((String) packs.get("analyst-watch.yaml")).startsWith("pack: analyst-watch\n").contains("WATCH-LSP-TALKS");
		// the packs are not in the pod's checksum: an update is reloaded in place, not rolled out
		Map<String, Object> annotations = map(at(deployment, "spec", "template", "metadata", "annotations"));
		assertThat(annotations).containsOnlyKeys("checksum/config");

		// credentials: only references to Secrets, never values
		assertThat(secretRefs(container)).containsExactlyInAnyOrder("sanctions-watch-kafka/username",
				"sanctions-watch-kafka/password", "kafka-cluster-ca/truststore-password", "sanctions-watch-db/password");
		assertThat(list(container.get("envFrom"))).contains(Map.of("secretRef", Map.of("name", "sanctions-watch-dashboard-users")));
		assertThat(at(volume(pod, "kafka-truststore"), "secret", "secretName")).isEqualTo("kafka-cluster-ca");
		assertThat(chart.find("Secret")).isEmpty();
		assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
					+ " required username=\"screening-svc\" password=\"s3cret\";")
			.containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/sanctions-watch/kafka/truststore/truststore.p12")
			.containsEntry("SPRING_KAFKA_LISTENER_CONCURRENCY", "2")
			.containsEntry("SANCTIONS_WATCH_LISTS_SOURCES_1_LOCATION", "https://lists.example.com/un/consolidated.xml")
			.containsEntry("SANCTIONS_WATCH_LISTS_SOURCES_1_OPTIONAL", "true")
			.containsEntry("SANCTIONS_WATCH_LISTS_SOURCES_0_OPTIONAL", "false");
		assertThat(chart.objects()).allSatisfy((object) -> assertThat(object.toString()).doesNotContain("s3cret"));
	}

	@Test
	void kedaScalesOnTheConsumerLagOfTheArticlesTopicInsteadOfTheHpa() {
		RenderedChart chart = RenderedChart.render("values-keda.yaml");
		assertThat(chart.find("HorizontalPodAutoscaler")).as("KEDA creates its own HPA").isEmpty();
		assertThat(map(at(chart.get("Deployment"), "spec"))).doesNotContainKey("replicas");
		Map<String, Object> trigger = map(list(at(chart.get("ScaledObject"), "spec", "triggers")).get(0));
		assertThat(trigger.get("type")).isEqualTo("kafka");
		assertThat(map(trigger.get("metadata"))).containsEntry("consumerGroup", "sanctions-watch")
			.containsEntry("topic", "news.articles")
			.containsEntry("sasl", "scram_sha512")
			.containsEntry("tls", "enable");
		assertThat(at(chart.get("TriggerAuthentication"), "spec", "secretTargetRef")).isEqualTo(List.of(
				Map.of("parameter", "username", "name", "sanctions-watch-kafka", "key", "username"),
				Map.of("parameter", "password", "name", "sanctions-watch-kafka", "key", "password"),
				Map.of("parameter", "ca", "name", "kafka-cluster-ca", "key", "ca.crt")));
	}

	@Test
	void valuesThatBreakTheSchemaAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> RenderedChart.render("values-plain-password.yaml"))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining("password");
		assertThatIllegalStateException().isThrownBy(() -> RenderedChart.render("values-wrong-types.yaml"))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining("replicaCount")
			.withMessageContaining("mechanism");
		assertThatIllegalStateException()
			.isThrownBy(() -> RenderedChart.render((t) -> t.set("rules.packs.notes\\.txt", "pack: x")))
			.withMessageContaining("notes.txt");
	}

	@Test
	void aSaslProtocolWithoutItsSecretIsRefusedWithWhatToSet() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RenderedChart.render((t) -> t.set("kafka.securityProtocol", "SASL_SSL")))
			.withMessageContaining("set kafka.sasl.existingSecret");
	}

	@Test
	void everyParameterIsInTheReadmeTable() throws IOException {
		String values = Files.readString(RenderedChart.CHART.resolve("values.yaml"));
		String readme = Files.readString(RenderedChart.CHART.resolve("README.md"));
		Matcher param = Pattern.compile("## @param (\\S+) ").matcher(values);
		int count = 0;
		while (param.find()) {
			count++;
			assertThat(readme).as("README row for %s", param.group(1)).contains("| `" + param.group(1) + "` |");
		}
		assertThat(count).isGreaterThan(50);
	}

	private Path chartWithValues(String valuesFile) {
		Path copy = this.tmp.resolve(valuesFile.replace(".yaml", "")).resolve("sanctions-watch");
		try {
			FileSystemUtils.copyRecursively(RenderedChart.CHART, copy);
			Yaml yaml = new Yaml(new LoaderOptions());
			Map<String, Object> merged = yaml.load(Files.readString(copy.resolve("values.yaml")));
			merge(merged, yaml.load(Files.readString(RenderedChart.VALUES.resolve(valuesFile))));
			DumperOptions options = new DumperOptions();
			options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
			Files.writeString(copy.resolve("values.yaml"), new Yaml(options).dump(merged));
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void merge(Map<String, Object> base, Map<String, Object> overrides) {
		overrides.forEach((key, value) -> {
			if (value instanceof Map && base.get(key) instanceof Map) {
				merge(map(base.get(key)), map(value));
			}
			else {
				base.put(key, value);
			}
		});
	}

	private static Map<String, String> mounts(Map<String, Object> container) {
		Map<String, String> mounts = new LinkedHashMap<>();
		list(container.get("volumeMounts")).forEach((m) -> mounts.put((String) map(m).get("name"), (String) map(m).get("mountPath")));
		return mounts;
	}

	private static Map<String, Object> volume(Map<String, Object> pod, String name) {
		return list(pod.get("volumes")).stream()
			.map(RenderedChart::map)
			.filter((v) -> name.equals(v.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume " + name));
	}

	private static List<String> secretRefs(Map<String, Object> container) {
		return list(container.get("env")).stream()
			.map(RenderedChart::map)
			.map((v) -> at(v, "valueFrom", "secretKeyRef"))
			.filter((ref) -> ref != null)
			.map((ref) -> map(ref).get("name") + "/" + map(ref).get("key"))
			.toList();
	}

	static Map<String, String> secrets() {
		return Map.of("sanctions-watch-kafka/username", "screening-svc", "sanctions-watch-kafka/password", "s3cret",
				"kafka-cluster-ca/truststore-password", "changeit", "sanctions-watch-db/password", "db-s3cret");
	}

}
