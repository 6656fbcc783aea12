package org.sanctionswatch.deploy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check against a real broker whose only client listener is SASL_PLAINTEXT with the PLAIN
 * mechanism: wrong credentials stop the start-up with a message naming the servers and the mechanism, the
 * right ones start the context.
 */
class KafkaCredentialsCheckTests {

	private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
			+ " username=\"%s\" password=\"%s\";";

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startSaslBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		// the test kit names the client listener EXTERNAL; it also carries the broker's own connections
		broker.brokerProperties(Map.of("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
				"sasl.enabled.mechanisms", "PLAIN", "sasl.mechanism.inter.broker.protocol", "PLAIN",
				"listener.name.external.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\""
						+ " password=\"broker-secret\" user_broker=\"broker-secret\" user_screening=\"right-password\";"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	private ApplicationContextRunner contextRunner(String user, String password) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withBean(KafkaCredentialsCheck.class)
			.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"spring.kafka.security.protocol=SASL_PLAINTEXT", "spring.kafka.properties.sasl.mechanism=PLAIN",
					"spring.kafka.properties.sasl.jaas.config=" + JAAS.formatted(user, password));
	}

	@Test
	void wrongCredentialsStopTheStartUpNamingServersAndMechanism() {
		contextRunner("screening", "wrong-password").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SaslAuthenticationException.class);
			assertThat(context.getStartupFailure()).hasStackTraceContaining("Kafka authentication failed: "
					+ broker.getBrokersAsString() + " refused SASL mechanism PLAIN (security.protocol=SASL_PLAINTEXT)");
		});
	}

	@Test
	void rightCredentialsStartTheContext() {
		contextRunner("screening", "right-password").run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void onlyRefusalsAreFatalNotAnUnreachableCluster() {
		Map<String, Object> config = Map.of("bootstrap.servers", List.of("b-1:9096", "b-2:9096"), "security.protocol",
				"SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512");
		assertThat(KafkaCredentialsCheck.classify(new SaslAuthenticationException("bad password"), config))
			.hasMessageStartingWith("Kafka authentication failed: b-1:9096,b-2:9096 refused SASL mechanism"
					+ " SCRAM-SHA-512 (security.protocol=SASL_SSL): bad password.");
		assertThat(KafkaCredentialsCheck.classify(new SslAuthenticationException("PKIX path building failed"), config))
			.hasMessageStartingWith("Kafka TLS handshake failed with b-1:9096,b-2:9096 (security.protocol=SASL_SSL)");
		assertThat(KafkaCredentialsCheck.classify(new ClusterAuthorizationException("denied"), config))
			.hasMessageContaining("Kafka authorization failed at b-1:9096,b-2:9096");
		assertThat(KafkaCredentialsCheck.classify(new TimeoutException("timed out"), config)).isNull();
		assertThat(KafkaCredentialsCheck.classify(new DisconnectException("gone"), config)).isNull();
	}

}
