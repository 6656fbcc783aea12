package org.sanctionswatch.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sanctionswatch.pipeline.LabelledArticles.LabelledArticle;

/**
 * Publishes articles at a steady rate from a thread of its own, with bad records slipped in before given
 * positions, and remembers where each record landed. Its producer is idempotent and waits out a broker restart
 * (long delivery and blocking timeouts), so the input topic holds every record exactly once whatever the broker
 * does: a doubled alert can then only come from the service.
 */
final class ArticleStream implements AutoCloseable {

	record BadRecord(String key, String reason, byte[] value) {
	}

	private final KafkaProducer<String, byte[]> producer;

	private final String topic;

	private final List<LabelledArticle> articles;

	private final Map<Integer, BadRecord> badBefore;

	private final double ratePerSecond;

	private final LongSupplier screened;

	private final long maxAhead;

	private long lastScreened;

	private final Map<String, RecordMetadata> landed = new ConcurrentHashMap<>();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final Thread thread;

	private volatile boolean stopped;

	/**
	 * @param screened how many records the service has screened so far
	 * @param maxAhead how far the stream may run ahead of the service: on a loaded machine the stream then
	 * lasts longer instead of ending before the last faults are injected
	 */
	ArticleStream(String bootstrapServers, String topic, List<LabelledArticle> articles,
			Map<Integer, BadRecord> badBefore, double ratePerSecond, LongSupplier screened, long maxAhead) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
				new StringSerializer(), new ByteArraySerializer());
		this.topic = topic;
		this.articles = articles;
		this.badBefore = badBefore;
		this.ratePerSecond = ratePerSecond;
		this.screened = screened;
		this.maxAhead = maxAhead;
		this.thread = new Thread(this::publish, "article-stream");
	}

	void start() {
		this.thread.start();
	}

	/** Articles handed to the producer so far (bad records not counted). */
	int sent() {
		return this.sent.get();
	}

	boolean done() {
		return !this.thread.isAlive();
	}

	/** Where each acknowledged record landed, by key. */
	Map<String, RecordMetadata> landed() {
		return this.landed;
	}

	List<String> failures() {
		return List.copyOf(this.failures);
	}

	void awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
		this.thread.join(unit.toMillis(timeout));
		if (this.thread.isAlive()) {
			throw new IllegalStateException("article stream still sending after " + timeout + " " + unit);
		}
		this.producer.flush();
	}

	private void publish() {
		long start = System.nanoTime();
		long intervalNanos = (long) (1e9 / this.ratePerSecond);
		for (int i = 0; i < this.articles.size() && !this.stopped; i++) {
			if (i % 100 == 0) {
				long pausedAt = System.nanoTime();
				while (!this.stopped && i - screened() > this.maxAhead) {
					LockSupport.parkNanos(100_000_000);
				}
				// The schedule starts again after a pause rather than catching up in a burst
				start += System.nanoTime() - pausedAt;
			}
			BadRecord bad = this.badBefore.get(i);
			if (bad != null) {
				send(bad.key(), bad.value());
			}
			LabelledArticle article = this.articles.get(i);
			send(article.id(), ScreeningPipelineScenarios.article(article.id(), null, article.body()));
			this.sent.incrementAndGet();
			// Open loop: a slow broker delays the sends, it does not lower the rate after it recovers
			long due = start + (i + 1) * intervalNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
		this.producer.flush();
	}

	/** The last count the service could be asked for: while the broker is down, the stream goes on at its rate. */
	private long screened() {
		try {
			this.lastScreened = this.screened.getAsLong();
		}
		catch (RuntimeException ex) {
			// keep the last known count
		}
		return this.lastScreened;
	}

	private void send(String key, byte[] value) {
		this.producer.send(new ProducerRecord<>(this.topic, key, value), (metadata, ex) -> {
			if (ex != null) {
				this.failures.add(key + ": " + ex);
			}
			else {
				this.landed.put(key, metadata);
			}
		});
	}

	@Override
	public void close() throws InterruptedException {
		this.stopped = true;
		this.thread.join(10_000);
		this.producer.close(java.time.Duration.ofSeconds(10));
	}

}
