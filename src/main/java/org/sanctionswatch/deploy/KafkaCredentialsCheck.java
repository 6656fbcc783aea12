package org.sanctionswatch.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Asks the cluster to describe itself once at start-up, before the listener containers start, with the
 * credentials the service's own clients use. A broker that refuses them stops the start-up with a message that
 * names the bootstrap servers, the security protocol and the SASL mechanism; without this check the consumer
 * would log the same authentication error every few seconds and never consume. A cluster that does not answer
 * in time is not an error here: the clients keep retrying, and {@code /actuator/health} reports Kafka down.
 */
@Component
class KafkaCredentialsCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(KafkaCredentialsCheck.class);

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final KafkaAdmin admin;

	KafkaCredentialsCheck(KafkaAdmin admin) {
		this.admin = admin;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Object> config = this.admin.getConfigurationProperties();
		try (Admin client = Admin.create(config)) {
			client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
				.clusterId()
				.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			RuntimeException failure = classify(ex.getCause(), config);
			if (failure != null) {
				throw failure;
			}
			logger.warn("Kafka at " + bootstrapServers(config) + " did not answer at start-up (" + ex.getCause()
					+ "); the clients keep retrying");
		}
		catch (TimeoutException ex) {
			logger.warn("Kafka at " + bootstrapServers(config) + " did not answer within " + TIMEOUT.toSeconds()
					+ "s at start-up; the clients keep retrying");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The start-up failure for an error the cluster gave, or {@code null} when the error may go away by itself
	 * (a broker that is not up yet, a network timeout).
	 */
	static @Nullable KafkaCredentialsException classify(@Nullable Throwable error, Map<String, Object> config) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof SslAuthenticationException) {
				return new KafkaCredentialsException("Kafka TLS handshake failed with " + bootstrapServers(config)
						+ " (security.protocol=" + protocol(config) + "): " + t.getMessage()
						+ ". Check the trust store (spring.kafka.ssl.trust-store-*) and, for mutual TLS, the key store"
						+ " (spring.kafka.ssl.key-store-*).", t);
			}
			if (t instanceof AuthenticationException) {
				return new KafkaCredentialsException("Kafka authentication failed: " + bootstrapServers(config)
						+ " refused SASL mechanism " + mechanism(config) + " (security.protocol=" + protocol(config)
						+ "): " + t.getMessage() + ". Check the user name and password in sasl.jaas.config"
						+ " (spring.kafka.properties.sasl.jaas.config) and spring.kafka.properties.sasl.mechanism.", t);
			}
			if (t instanceof AuthorizationException) {
				return new KafkaCredentialsException("Kafka authorization failed at " + bootstrapServers(config)
						+ " (security.protocol=" + protocol(config) + ", SASL mechanism " + mechanism(config) + "): "
						+ t.getMessage() + ". The credentials were accepted but lack the ACLs the service needs.", t);
			}
		}
		return null;
	}

	static String bootstrapServers(Map<String, Object> config) {
		Object servers = config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		if (servers instanceof Iterable<?> list) {
			return String.join(",", StreamSupport.stream(list.spliterator(), false).map(String::valueOf).toList());
		}
		return String.valueOf(servers);
	}

	private static String protocol(Map<String, Object> config) {
		return String.valueOf(config.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
				CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL));
	}

	private static String mechanism(Map<String, Object> config) {
		return Objects.toString(config.get(SaslConfigs.SASL_MECHANISM), SaslConfigs.DEFAULT_SASL_MECHANISM);
	}

	/** The cluster refused the service's credentials: start-up stops with this message. */
	static final class KafkaCredentialsException extends IllegalStateException {

		KafkaCredentialsException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
