package org.sanctionswatch.alertstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sanctionswatch.alert.AlertRaised;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the store fault tests share: alerts to publish, and what the database and the broker say about them. */
final class StoreFaults {

	private static final JsonMapper json = JsonMapper.shared();

	private static final List<String> COUNTRIES = List.of("TR", "IN", "VN");

	private StoreFaults() {
	}

	/** Distinct alerts, spread over articles (the record key) and so over partitions. */
	static List<AlertRaised> alerts(String run, int from, int count) {
		List<AlertRaised> alerts = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			alerts.add(Alerts.alert("alert-" + run + "-" + i, "article-" + run + "-" + (i / 2), "CAATSA-231",
					COUNTRIES.get(i % COUNTRIES.size()), "Rosoboronexport", "S-400",
					Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
		}
		return alerts;
	}

	static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
	}

	static void publish(KafkaProducer<String, byte[]> producer, String topic, List<AlertRaised> alerts) {
		alerts.forEach((alert) -> producer.send(new ProducerRecord<>(topic, alert.articleId(), json.writeValueAsBytes(alert))));
		producer.flush();
	}

	static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
	}

	/** The group's committed offsets on one topic. */
	static Map<TopicPartition, Long> committed(Admin admin, String group, String topic) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null && partition.topic().equals(topic)) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	static long sum(Map<TopicPartition, Long> offsets) {
		return offsets.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Rows in the alert table with these ids' prefix, and distinct ids among them. */
	static Counts counts(JdbcTemplate jdbc, String run) {
		return jdbc.queryForObject("SELECT COUNT(*), COUNT(DISTINCT alert_id) FROM alert WHERE alert_id LIKE ?",
				(rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)), "alert-" + run + "-%");
	}

	static List<String> storedIds(JdbcTemplate jdbc, String run) {
		return jdbc.queryForList("SELECT alert_id FROM alert WHERE alert_id LIKE ?", String.class, "alert-" + run + "-%");
	}

	record Counts(long rows, long distinct) {
	}

	static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
