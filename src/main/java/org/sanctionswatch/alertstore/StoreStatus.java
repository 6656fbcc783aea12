package org.sanctionswatch.alertstore;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Whether the alert store keeps up with the topics it stores, so that the dashboard can say it is behind rather
 * than show a stale list as current. The lag comes from the broker (end offsets against the store group's committed
 * offsets), so every replica reports the same lag whichever of them does the storing; the last write and the last
 * error are what this replica's own consumer saw.
 *
 * @param behind a record published more than the configured grace ago is not stored yet
 * @param lag records published but not yet stored, over all partitions; null while the broker has not answered
 * @param lagByPartition the lag of each partition that has one, as {@code topic-partition}
 * @param since when the oldest record not yet stored was published, at the latest; null when not behind
 * @param lastStoredAt when this replica last stored a record
 * @param lastError the last failure to store a record on this replica, or to read the lag
 * @param lastErrorAt when that failure happened
 * @param failedAttempts attempts to store a record that failed on this replica since it started
 * @param checkedAt when the lag was last read from the broker
 */
public record StoreStatus(boolean behind, @Nullable Long lag, Map<String, Long> lagByPartition, @Nullable Instant since,
		@Nullable Instant lastStoredAt, @Nullable String lastError, @Nullable Instant lastErrorAt, long failedAttempts,
		@Nullable Instant checkedAt) {

	public StoreStatus {
		lagByPartition = Map.copyOf(lagByPartition);
	}

	static StoreStatus unknown() {
		return new StoreStatus(false, null, Map.of(), null, null, null, null, 0, null);
	}

}
