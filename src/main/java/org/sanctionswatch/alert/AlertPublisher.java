package org.sanctionswatch.alert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sanctionswatch.SanctionsWatchProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes alerts as CloudEvents in the Kafka binary mode: the {@code ce_*} attributes in headers, the alert
 * JSON as the value, keyed by article id so that one article's alerts stay in order. Called on a listener
 * thread, the send joins the listener's Kafka transaction.
 */
@Component
public class AlertPublisher {

	static final String SPEC_VERSION = "1.0";

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final SanctionsWatchProperties properties;

	AlertPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, SanctionsWatchProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Publishes one article's alerts. Every record is built before the first is sent, so that an alert that cannot
	 * be built leaves none of its article's alerts in the transaction.
	 * @throws AlertTooLargeException if an alert's record would exceed the topics' record limit
	 */
	public void publishAll(List<AlertRaised> alerts) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(alerts.size());
		for (AlertRaised alert : alerts) {
			records.add(record(alert));
		}
		records.forEach(this.kafka::send);
	}

	private ProducerRecord<String, byte[]> record(AlertRaised alert) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_specversion", SPEC_VERSION);
		header(headers, "ce_id", alert.alertId());
		header(headers, "ce_source", this.properties.alerts().source().toString());
		header(headers, "ce_type", this.properties.alerts().type());
		header(headers, "ce_subject", alert.articleId());
		header(headers, "ce_time", alert.detectedAt());
		header(headers, "ce_dataschema", "urn:sanctions-watch:schema:alert:v1");
		header(headers, "content-type", "application/json");
		byte[] value = this.json.writeValueAsBytes(alert);
		int limit = this.properties.articles().maxRecordBytes();
		if (value.length > limit) {
			throw new AlertTooLargeException(alert.alertId(), value.length, limit);
		}
		return new ProducerRecord<>(this.properties.topics().alerts(), null, alert.articleId(), value, headers);
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
