package org.sanctionswatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SASL and TLS settings reach every Kafka client the service creates (consumer, producer, admin), whether they
 * are given as Spring properties or as the environment the Helm chart renders for a SASL_SSL cluster.
 */
class KafkaClientSecurityTests {

	private static final String SCRAM_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
			+ " username=\"screening-svc\" password=\"s3cret\";";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class));

	@TempDir
	Path dir;

	@Test
	void saslSslFromSpringPropertiesReachesEveryClient() throws Exception {
		Path truststore = Files.write(this.dir.resolve("truststore.p12"), new byte[] { 0 });
		this.contextRunner
			.withPropertyValues("spring.kafka.bootstrap-servers=b-1.example.com:9096,b-2.example.com:9096",
					"spring.kafka.security.protocol=SASL_SSL", "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
					"spring.kafka.properties.sasl.jaas.config=" + SCRAM_JAAS,
					"spring.kafka.ssl.trust-store-location=" + truststore.toUri(),
					"spring.kafka.ssl.trust-store-password=changeit", "spring.kafka.ssl.trust-store-type=PKCS12")
			.run((context) -> assertEveryClient(context, Map.of("security.protocol", "SASL_SSL", "sasl.mechanism",
					"SCRAM-SHA-512", "sasl.jaas.config", SCRAM_JAAS, "ssl.truststore.location",
					truststore.toAbsolutePath().toString(), "ssl.truststore.password", "changeit", "ssl.truststore.type",
					"PKCS12")));
	}

	@Test
	void theChartsEnvironmentForASaslSslClusterReachesEveryClient() {
		Map<String, String> env = RenderedChart.render("values-production.yaml").environment(HelmChartTests.secrets());
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env))))
			.run((context) -> {
				assertEveryClient(context, Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
						"sasl.jaas.config", SCRAM_JAAS, "ssl.truststore.location",
						"/etc/sanctions-watch/kafka/truststore/truststore.p12", "ssl.truststore.password", "changeit",
						"ssl.truststore.type", "PKCS12"));
				assertThat(context.getBean(ConsumerFactory.class).getConfigurationProperties())
					.containsEntry("group.id", "sanctions-watch");
				assertThat(context.getBean(KafkaAdmin.class).getConfigurationProperties().get("bootstrap.servers"))
					.asString()
					.contains("b-1.kafka.example.com:9096", "b-3.kafka.example.com:9096");
			});
	}

	@Test
	void mutualTlsKeyStoreFromSpringPropertiesReachesEveryClient() throws Exception {
		Path keystore = Files.write(this.dir.resolve("keystore.p12"), new byte[] { 0 });
		this.contextRunner
			.withPropertyValues("spring.kafka.bootstrap-servers=b-1.example.com:9094", "spring.kafka.security.protocol=SSL",
					"spring.kafka.ssl.key-store-location=" + keystore.toUri(), "spring.kafka.ssl.key-store-password=ks",
					"spring.kafka.ssl.key-password=kp", "spring.kafka.ssl.key-store-type=PKCS12")
			.run((context) -> assertEveryClient(context,
					Map.of("security.protocol", "SSL", "ssl.keystore.location", keystore.toAbsolutePath().toString(),
							"ssl.keystore.password", "ks", "ssl.key.password", "kp", "ssl.keystore.type", "PKCS12")));
	}

	private static void assertEveryClient(AssertableApplicationContext context, Map<String, String> expected) {
		assertThat(context).hasNotFailed();
		Map<String, Map<String, Object>> clients = Map.of("consumer",
				context.getBean(ConsumerFactory.class).getConfigurationProperties(), "producer",
				context.getBean(ProducerFactory.class).getConfigurationProperties(), "admin",
				context.getBean(KafkaAdmin.class).getConfigurationProperties());
		clients.forEach((client, config) -> expected.forEach((key, value) -> assertThat(config.get(key))
			.as("%s %s", client, key)
			.hasToString(value)));
	}

}
