package org.sanctionswatch.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a consumer group stands, from the outside: its committed offsets against the end of the topic it reads, and whether a transaction is still open
 * on the topic it writes.
 */
final class GroupProgress implements AutoCloseable {

	private final Admin admin;

	private final String group;

	private final String input;

	private final String output;

	GroupProgress(String bootstrapServers, String group, String input, String output) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
		this.group = group;
		this.input = input;
		this.output = output;
	}

	/**
	 * Committed offsets of the input topic; partitions the group has not committed yet are absent. Only
	 * offsets of committed transactions count: one still pending is not returned, so an offset here means its
	 * alerts are visible to {@code read_committed} readers.
	 */
	Map<TopicPartition, Long> committed() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin
			.listConsumerGroupOffsets(this.group, new ListConsumerGroupOffsetsOptions().requireStable(false))
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null && partition.topic().equals(this.input)) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	long committedSum() throws Exception {
		return committed().values().stream().mapToLong(Long::longValue).sum();
	}

	/** As {@link #committedSum()}, for callers that cannot handle checked exceptions. */
	long committedSumOrFail() {
		try {
			return committedSum();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("committed offsets of " + this.group + " unavailable", ex);
		}
	}

	Map<TopicPartition, Long> inputEnd() throws Exception {
		return endOffsets(this.input, IsolationLevel.READ_UNCOMMITTED);
	}

	/** True once the group has committed, on every partition, at least up to these offsets. */
	boolean reached(Map<TopicPartition, Long> target) throws Exception {
		Map<TopicPartition, Long> committed = committed();
		return target.entrySet()
			.stream()
			.allMatch((e) -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
	}

	long lag() throws Exception {
		Map<TopicPartition, Long> committed = committed();
		return inputEnd().entrySet().stream().mapToLong((e) -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
	}

	/** No transaction open on the output topic: its last stable offsets have caught up with its ends. */
	boolean outputSettled() throws Exception {
		return endOffsets(this.output, IsolationLevel.READ_COMMITTED)
			.equals(endOffsets(this.output, IsolationLevel.READ_UNCOMMITTED));
	}

	int members() throws Exception {
		return this.admin.describeConsumerGroups(List.of(this.group))
			.all()
			.get(10, TimeUnit.SECONDS)
			.get(this.group)
			.members()
			.size();
	}

	private Map<TopicPartition, Long> endOffsets(String topic, IsolationLevel isolation) throws Exception {
		int partitions = this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.size();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			request.put(new TopicPartition(topic, i), OffsetSpec.latest());
		}
		Map<TopicPartition, Long> end = new HashMap<>();
		this.admin.listOffsets(request, new ListOffsetsOptions(isolation))
			.all()
			.get(10, TimeUnit.SECONDS)
			.forEach((partition, info) -> end.put(partition, info.offset()));
		return end;
	}

	@Override
	public void close() {
		this.admin.close(java.time.Duration.ofSeconds(5));
	}

}
