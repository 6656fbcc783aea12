package org.sanctionswatch.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Autowired
	private MeterRegistry meters;

	@Test
	void seedArticleRaisesOneCaatsa231Alert() {
		double before = alertsRaised("CAATSA-231");
		ScreeningPipelineScenarios.seedArticleRaisesOneCaatsa231Alert(this.broker.getBrokersAsString());
		assertThat(alertsRaised("CAATSA-231")).isGreaterThan(before);
		assertThat(this.meters.get("sanctions.screening.latency").timer().count()).isPositive();
		assertThat(this.meters.get("sanctions.articles.screened").tag("outcome", "alerted").counter().count())
			.isPositive();
	}

	@Test
	void nearMissesRaiseNoAlert() {
		ScreeningPipelineScenarios.nearMissesRaiseNoAlert(this.broker.getBrokersAsString());
	}

	@Test
	void badRecordsAreDeadLetteredWithTheirReason() {
		ScreeningPipelineScenarios.badRecordsAreDeadLetteredWithTheirReason(this.broker.getBrokersAsString());
		for (String reason : new String[] { "not-json", "empty", "missing-field", "wrong-type", "invalid-utf8",
				"too-large" }) {
			assertThat(this.meters.get("sanctions.articles.dead.lettered").tag("reason", reason).counter().count())
				.as("dead-lettered %s", reason)
				.isGreaterThanOrEqualTo(1);
		}
	}

	private double alertsRaised(String rule) {
		var counter = this.meters.find("sanctions.alerts.raised").tag("rule", rule).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void alertsAreExactlyOnceAcrossACrash() throws Exception {
		ScreeningPipelineScenarios.alertsAreExactlyOnceAcrossACrash(this.broker.getBrokersAsString(), 1000);
	}

}
