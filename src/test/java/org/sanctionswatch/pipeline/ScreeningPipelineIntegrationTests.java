package org.sanctionswatch.pipeline;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The pipeline end to end on spring-kafka-test's KRaft broker: the service runs in this JVM for scenarios a to c,
 * and as two child JVMs, one of them killed, against the same broker for scenario d.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		// Lets the broker abort the killed JVM's transaction soon after it times out, instead of up to 10 s later
		brokerProperties = "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000")
@TestPropertySource(locations = ScreeningPipelineScenarios.PROPERTIES)
// Closed after the class, broker last: left to the JVM's exit, Kafka's hook deletes the broker's directory while the
// service's clients still talk to it, and their close hangs until Surefire kills the fork
@DirtiesContext
class ScreeningPipelineIntegrationTests {

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Test
	void seedArticleRaisesOneCaatsa231Alert() {
		ScreeningPipelineScenarios.seedArticleRaisesOneCaatsa231Alert(this.broker.getBrokersAsString());
	}

	@Test
	void nearMissesRaiseNoAlert() {
		ScreeningPipelineScenarios.nearMissesRaiseNoAlert(this.broker.getBrokersAsString());
	}

	@Test
	void badRecordsAreDeadLetteredWithTheirReason() {
		ScreeningPipelineScenarios.badRecordsAreDeadLetteredWithTheirReason(this.broker.getBrokersAsString());
	}

	@Test
	void alertsAreExactlyOnceAcrossACrash() throws Exception {
		ScreeningPipelineScenarios.alertsAreExactlyOnceAcrossACrash(this.broker.getBrokersAsString(), 300);
	}

}
