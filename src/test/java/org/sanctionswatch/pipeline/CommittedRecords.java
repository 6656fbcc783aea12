package org.sanctionswatch.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Everything committed on a topic, read as a downstream consumer reads it ({@code read_committed}), with one
 * consumer that keeps its position, so each catch-up reads only what is new.
 */
final class CommittedRecords implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<TopicPartition> partitions;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	CommittedRecords(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer());
		this.partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/** Reads up to the topic's last stable offsets as they are now, and returns every record read so far. */
	List<ConsumerRecord<String, byte[]>> catchUp() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions, Duration.ofSeconds(30));
		await("reading " + this.partitions + " to " + end).atMost(Duration.ofSeconds(60))
			.pollInSameThread()
			.pollInterval(Duration.ZERO)
			.until(() -> {
				this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
				return end.entrySet().stream().allMatch((e) -> this.consumer.position(e.getKey()) >= e.getValue());
			});
		return List.copyOf(this.records);
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
