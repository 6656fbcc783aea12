package org.sanctionswatch.local;

import org.sanctionswatch.SanctionsWatchProperties;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans that only local mode ({@code mvn spring-boot:test-run}) adds to the service. A test configuration, so
 * that {@code @SpringBootTest} contexts do not pick it up through component scanning.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalModeConfiguration {

	@Bean
	DemoArticlePublisher demoArticlePublisher(KafkaConnectionDetails connectionDetails,
			SanctionsWatchProperties properties) {
		return new DemoArticlePublisher(connectionDetails.getProducer().getBootstrapServers(),
				properties.topics().articles(), DemoArticlePublisher.DEMO_ARTICLES);
	}

}
