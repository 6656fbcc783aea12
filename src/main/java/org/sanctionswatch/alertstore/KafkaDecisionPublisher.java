package org.sanctionswatch.alertstore;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sanctionswatch.SanctionsWatchProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes triage decisions as CloudEvents in the Kafka binary mode, keyed by alert id so that the decisions on
 * one alert stay in order. The service's producer is transactional, and a web request has no listener
 * transaction to join, so each decision is its own Kafka transaction.
 */
@Component
class KafkaDecisionPublisher implements DecisionPublisher {

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final SanctionsWatchProperties.Dashboard properties;

	KafkaDecisionPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, SanctionsWatchProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties.dashboard();
	}

	@Override
	public void publish(AlertTriaged decision) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_id", decision.decisionId());
		header(headers, "ce_source", this.properties.decisionSource().toString());
		header(headers, "ce_type", this.properties.decisionType());
		header(headers, "ce_subject", decision.alertId());
		header(headers, "ce_time", decision.decidedAt());
		header(headers, "ce_dataschema", "urn:sanctions-watch:schema:alert-decision:v1");
		header(headers, "content-type", "application/json");
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.properties.decisionsTopic(), null,
				decision.alertId(), this.json.writeValueAsBytes(decision), headers);
		this.kafka.executeInTransaction((template) -> {
			try {
				// waiting here turns a refused record into an exception before the database commits the decision
				return template.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new KafkaException("Interrupted while publishing decision " + decision.decisionId(), ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new KafkaException("Could not publish decision " + decision.decisionId(), ex);
			}
		});
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
