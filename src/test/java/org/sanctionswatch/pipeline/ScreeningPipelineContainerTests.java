package org.sanctionswatch.pipeline;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/**
 * The same scenarios against the Kafka that production runs, in a container. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = ScreeningPipelineScenarios.PROPERTIES)
class ScreeningPipelineContainerTests {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.2.1")
		// Lets the broker abort the killed JVM's transaction soon after it times out, instead of up to 10 s later
		.withEnv("KAFKA_TRANSACTION_ABORT_TIMED_OUT_TRANSACTION_CLEANUP_INTERVAL_MS", "1000");

	@Test
	void seedArticleRaisesOneCaatsa231Alert() {
		ScreeningPipelineScenarios.seedArticleRaisesOneCaatsa231Alert(kafka.getBootstrapServers());
	}

	@Test
	void nearMissesRaiseNoAlert() {
		ScreeningPipelineScenarios.nearMissesRaiseNoAlert(kafka.getBootstrapServers());
	}

	@Test
	void badRecordsAreDeadLetteredWithTheirReason() {
		ScreeningPipelineScenarios.badRecordsAreDeadLetteredWithTheirReason(kafka.getBootstrapServers());
	}

	@Test
	void alertsAreExactlyOnceAcrossACrash() throws Exception {
		ScreeningPipelineScenarios.alertsAreExactlyOnceAcrossACrash(kafka.getBootstrapServers(), 1000);
	}

}
