package org.sanctionswatch.alertstore;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the alert store, as contributor {@code store}: DEGRADED while it is behind the alert and article
 * topics (the dashboard then shows an incomplete list), UNKNOWN until the broker has answered once.
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "the alert store is behind: recent alerts may be missing");

	private final StoreLagMonitor monitor;

	StoreHealthIndicator(StoreLagMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		StoreStatus status = this.monitor.current();
		Status overall = (status.lag() == null) ? Status.UNKNOWN : status.behind() ? DEGRADED : Status.UP;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("behind", status.behind());
		putIfPresent(details, "lag", status.lag());
		if (!status.lagByPartition().isEmpty()) {
			details.put("lagByPartition", status.lagByPartition());
		}
		putIfPresent(details, "since", status.since());
		putIfPresent(details, "lastStoredAt", status.lastStoredAt());
		putIfPresent(details, "lastError", status.lastError());
		putIfPresent(details, "lastErrorAt", status.lastErrorAt());
		details.put("failedAttempts", status.failedAttempts());
		putIfPresent(details, "checkedAt", status.checkedAt());
		return Health.status(overall).withDetails(details).build();
	}

	private static void putIfPresent(Map<String, Object> details, String name, Object value) {
		if (value != null) {
			details.put(name, value);
		}
	}

}
