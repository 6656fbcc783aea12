package org.sanctionswatch.alertstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads the store group's lag from the broker on a schedule and keeps the latest {@link StoreStatus}; the store's
 * consumer reports its writes and failures here too.
 * <p>
 * Behind means: end offsets seen at least {@code behindAfter} ago are not all committed yet. A busy but healthy
 * store always has some lag; a store that has not caught up with what was published a while ago is behind.
 */
@Component
public class StoreLagMonitor implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(StoreLagMonitor.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	// bounds memory when the store stays behind for long: at the default interval, about fourteen hours of samples
	private static final int MAX_SAMPLES = 10_000;

	private final KafkaAdmin kafkaAdmin;

	private final TaskScheduler scheduler;

	private final List<String> topics;

	private final String group;

	private final SanctionsWatchProperties.Dashboard.Store settings;

	/** End offsets as seen at a time, oldest first, back to the first one the store had not caught up with. */
	private final Deque<Sample> samples = new ArrayDeque<>();

	private volatile StoreStatus status = StoreStatus.unknown();

	private volatile @Nullable Instant lastStoredAt;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	private final AtomicLong failedAttempts = new AtomicLong();

	private volatile @Nullable Admin client;

	private volatile @Nullable ScheduledFuture<?> schedule;

	StoreLagMonitor(KafkaAdmin kafkaAdmin, TaskScheduler scheduler, SanctionsWatchProperties properties) {
		this.kafkaAdmin = kafkaAdmin;
		this.scheduler = scheduler;
		this.topics = List.of(properties.topics().alerts(), properties.topics().articles());
		this.group = properties.dashboard().storeGroup();
		this.settings = properties.dashboard().store();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.schedule = this.scheduler.scheduleWithFixedDelay(this::check, this.settings.checkInterval());
	}

	/** The status as of the last check. */
	public StoreStatus current() {
		return this.status;
	}

	void stored() {
		this.lastStoredAt = Instant.now();
	}

	void failed(Throwable ex) {
		this.failedAttempts.incrementAndGet();
		this.lastError = describe(ex);
		this.lastErrorAt = Instant.now();
	}

	/** Reads end and committed offsets, and works out whether the store is behind. */
	synchronized void check() {
		Instant now = Instant.now();
		try {
			Admin admin = client();
			List<TopicPartition> partitions = partitions(admin);
			Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
			Map<TopicPartition, Long> committed = committed(admin);
			Map<TopicPartition, Long> start = null;
			Map<String, Long> lagByPartition = new TreeMap<>();
			long lag = 0;
			for (TopicPartition partition : partitions) {
				Long done = committed.get(partition);
				if (done == null) {
					// nothing stored from it yet: everything still on the partition is to do
					start = (start != null) ? start : offsets(admin, partitions, OffsetSpec.earliest());
					done = start.getOrDefault(partition, 0L);
					committed.put(partition, done);
				}
				long behind = Math.max(0, end.getOrDefault(partition, 0L) - done);
				if (behind > 0) {
					lagByPartition.put(partition.toString(), behind);
				}
				lag += behind;
			}
			this.samples.addLast(new Sample(now, end));
			while (this.samples.size() > 1 && (this.samples.peekFirst().storedBy(committed)
					|| this.samples.size() > MAX_SAMPLES)) {
				this.samples.removeFirst();
			}
			Sample oldest = this.samples.peekFirst();
			boolean pending = !oldest.storedBy(committed);
			boolean behind = pending && !oldest.at().isAfter(now.minus(this.settings.behindAfter()));
			this.status = new StoreStatus(behind, lag, lagByPartition, pending ? oldest.at() : null, this.lastStoredAt,
					this.lastError, this.lastErrorAt, this.failedAttempts.get(), now);
		}
		catch (Exception ex) {
			logger.debug("Could not read the store's lag", ex);
			this.lastError = "Could not read the store's lag from Kafka: " + describe(ex);
			this.lastErrorAt = now;
			StoreStatus last = this.status;
			// the last lag read stays, marked by its check time; behind stays as it was
			this.status = new StoreStatus(last.behind(), last.lag(), last.lagByPartition(), last.since(),
					this.lastStoredAt, this.lastError, this.lastErrorAt, this.failedAttempts.get(), last.checkedAt());
		}
	}

	private List<TopicPartition> partitions(Admin admin) throws Exception {
		Map<String, org.apache.kafka.clients.admin.TopicDescription> descriptions = admin.describeTopics(this.topics)
			.allTopicNames()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		return descriptions.values()
			.stream()
			.flatMap((d) -> d.partitions().stream().map((TopicPartitionInfo p) -> new TopicPartition(d.name(), p.partition())))
			.toList();
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
			throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((p) -> request.put(p, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		// read committed, as the store consumer reads: an open or aborted transaction is nothing to store
		admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private Map<TopicPartition, Long> committed(Admin admin) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(this.group)
			.partitionsToOffsetAndMetadata()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	private Admin client() {
		Admin c = this.client;
		if (c == null) {
			synchronized (this) {
				c = this.client;
				if (c == null) {
					c = Admin.create(this.kafkaAdmin.getConfigurationProperties());
					this.client = c;
				}
			}
		}
		return c;
	}

	private static String describe(Throwable thrown) {
		// the container's wrapper names the listener method, which says nothing an operator can act on
		Throwable ex = (thrown instanceof ListenerExecutionFailedException && thrown.getCause() != null)
				? thrown.getCause() : thrown;
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage()
				+ ((root != ex) ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
		return (message.length() > 500) ? message.substring(0, 500) : message;
	}

	@Override
	public void destroy() {
		ScheduledFuture<?> s = this.schedule;
		if (s != null) {
			s.cancel(false);
		}
		Admin c = this.client;
		if (c != null) {
			c.close(Duration.ofSeconds(2));
		}
	}

	/** End offsets at a moment. */
	private record Sample(Instant at, Map<TopicPartition, Long> end) {

		boolean storedBy(Map<TopicPartition, Long> committed) {
			return this.end.entrySet().stream().allMatch((e) -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
		}

	}

}
