package org.sanctionswatch.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.sanctionswatch.article.Article;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes at a fixed rate, open loop, and times each article until its first output record (an alert, or the
 * pass-through's copy) is readable by a read_committed consumer. Latency counts from when the article was due,
 * not when it was sent, so a stalled publisher cannot hide a backlog (no coordinated omission).
 */
final class LatencyProbe {

	record Latencies(int published, int received, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
	}

	private LatencyProbe() {
	}

	static Latencies run(String bootstrap, String input, String output, List<Article> pool, String idPrefix,
			double rate, double seconds, Duration grace) throws InterruptedException {
		int count = Math.max(1, (int) Math.round(rate * seconds));
		// serialised up front, each under its own id (alerts are keyed by the article id inside the JSON)
		JsonMapper json = JsonMapper.builder().build();
		byte[][] values = new byte[count][];
		for (int i = 0; i < count; i++) {
			Article a = pool.get(i % pool.size());
			values[i] = Corpus.json(new Article(idPrefix + i, a.title(), a.body(), a.url(), a.source(), a.publishedAt(),
					a.language()), json);
		}
		java.util.concurrent.atomic.AtomicLongArray due = new java.util.concurrent.atomic.AtomicLongArray(count);
		long[] latency = new long[count];
		Arrays.fill(latency, -1);
		int[] received = { 0 };
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.outputConsumer(bootstrap));
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.loadProducer(bootstrap, false))) {
			List<TopicPartition> partitions = consumer.partitionsFor(output)
				.stream()
				.map(p -> new TopicPartition(output, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			Thread publisher = new Thread(() -> {
				long start = System.nanoTime() + 50_000_000L;
				long interval = (long) (1e9 / rate);
				for (int i = 0; i < count; i++) {
					long at = start + i * interval;
					for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
						LockSupport.parkNanos(wait);
					}
					due.set(i, at);
					producer.send(new ProducerRecord<>(input, idPrefix + i, values[i]));
				}
				producer.flush();
			}, "open-loop-publisher");
			publisher.start();
			long deadline = System.nanoTime() + (long) (seconds * 1e9) + grace.toNanos();
			while (received[0] < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
					long now = System.nanoTime();
					String key = r.key();
					if (key == null || !key.startsWith(idPrefix)) {
						continue;
					}
					int i = Integer.parseInt(key.substring(idPrefix.length()));
					if (latency[i] < 0) {
						latency[i] = now - due.get(i);
						received[0]++;
					}
				}
			}
			publisher.join();
		}
		// an article whose alert never came within the grace period counts as infinitely late, not as absent:
		// dropping it would make an overloaded run look fast
		long[] all = Arrays.stream(latency).map(l -> (l < 0) ? Long.MAX_VALUE : l).sorted().toArray();
		return new Latencies(count, received[0], percentile(all, 0.50), percentile(all, 0.99), percentile(all, 0.999),
				percentile(all, 1.0));
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		long value = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		return (value == Long.MAX_VALUE) ? Double.POSITIVE_INFINITY : value / 1e6;
	}

}
