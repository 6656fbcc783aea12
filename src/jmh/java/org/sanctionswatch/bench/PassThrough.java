package org.sanctionswatch.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The baseline of the end-to-end benchmark: consume, produce the same record to the output topic, commit the
 * offset in the same transaction, and nothing else. One transaction per record, as Spring's listener container
 * runs the service's record listener, so that the two differ only by the screening.
 */
final class PassThrough implements AutoCloseable {

	static final String GROUP = "bench-passthrough";

	private final List<Thread> threads;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<KafkaConsumer<String, byte[]>> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final boolean batch;

	private final String retryBackoffMs;

	/**
	 * @param batch one transaction per poll, as the service does; {@code false} gives one per record, to show what
	 * the transaction granularity costs (see docs/benchmarks.md)
	 */
	PassThrough(String bootstrap, String input, String output, int concurrency, boolean batch, String retryBackoffMs) {
		this.batch = batch;
		this.retryBackoffMs = retryBackoffMs;
		String prefix = "bench-passthrough-" + UUID.randomUUID() + "-";
		this.threads = java.util.stream.IntStream.range(0, concurrency)
			.mapToObj(i -> new Thread(() -> loop(bootstrap, input, output, prefix + i), "passthrough-" + i))
			.toList();
		this.threads.forEach(Thread::start);
	}

	private void loop(String bootstrap, String input, String output, String transactionalId) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				KafkaSettings.serviceLikeConsumer(bootstrap, GROUP));
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(bootstrap, transactionalId))) {
			this.consumers.add(consumer);
			producer.initTransactions();
			consumer.subscribe(List.of(input));
			while (this.running.get()) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
				if (this.batch) {
					if (!records.isEmpty()) {
						producer.beginTransaction();
						Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
						for (ConsumerRecord<String, byte[]> record : records) {
							producer.send(new ProducerRecord<>(output, record.key(), record.value()));
							offsets.put(new TopicPartition(record.topic(), record.partition()),
									new OffsetAndMetadata(record.offset() + 1));
						}
						producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
						producer.commitTransaction();
					}
					continue;
				}
				for (ConsumerRecord<String, byte[]> record : records) {
					producer.beginTransaction();
					producer.send(new ProducerRecord<>(output, record.key(), record.value()));
					Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
					producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
					producer.commitTransaction();
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
	}

	private Map<String, Object> producerSettings(String bootstrap, String transactionalId) {
		Map<String, Object> settings = KafkaSettings.serviceLikeProducer(bootstrap, transactionalId);
		if (!this.retryBackoffMs.isBlank()) {
			settings.put("retry.backoff.ms", Integer.parseInt(this.retryBackoffMs));
		}
		return settings;
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.consumers.forEach(KafkaConsumer::wakeup);
		for (Thread t : this.threads) {
			t.join(30_000);
		}
	}

}
