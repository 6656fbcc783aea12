package org.sanctionswatch.lists;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the sanctions lists, as contributor {@code lists}. A stale-but-serving list is DEGRADED rather
 * than DOWN: the service still screens, and taking it out of rotation would screen nothing at all.
 */
@Component("lists")
class ListsHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "a list source is stale or optional and broken");

	private final SanctionsListRegistry registry;

	ListsHealthIndicator(SanctionsListRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Map<String, SourceStatus> sources = this.registry.status();
		Health.Builder health = Health.status(overall(sources.values()));
		sources.forEach((id, status) -> health.withDetail(id, details(status)));
		return health.build();
	}

	private static Status overall(Collection<SourceStatus> sources) {
		boolean degraded = false;
		for (SourceStatus source : sources) {
			switch (source.state()) {
				case FAILED -> {
					if (!source.optional()) {
						return Status.DOWN;
					}
					degraded = true;
				}
				case DEGRADED -> degraded = true;
				case LOADED, ABSENT -> {
				}
			}
		}
		return degraded ? DEGRADED : Status.UP;
	}

	private static Map<String, Object> details(SourceStatus status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status.state().name());
		details.put("optional", status.optional());
		details.put("entries", status.entries());
		putIfPresent(details, "version", status.version());
		putIfPresent(details, "loadedAt", status.loadedAt());
		putIfPresent(details, "lastAttempt", status.lastAttempt());
		putIfPresent(details, "reason", status.lastError());
		return details;
	}

	private static void putIfPresent(Map<String, Object> details, String key, @Nullable Object value) {
		if (value != null) {
			details.put(key, value.toString());
		}
	}

}
