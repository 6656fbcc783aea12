package org.sanctionswatch.lists;

import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Holds the current version of every configured sanctions list and refreshes them on a schedule. A failed
 * refresh never replaces a good version: screening against yesterday's list beats screening against none.
 */
@Component
public class SanctionsListRegistry implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(SanctionsListRegistry.class);

	/** Long enough for local files and a healthy download; a slower source finishes in the background. */
	static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

	private final Duration refreshInterval;

	private final SourceLoader loader;

	private final ApplicationEventPublisher publisher;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final Duration startupWait;

	/** Refreshes run one at a time, whether scheduled or requested, so that events are never interleaved. */
	private final Object refreshLock = new Object();

	/** Replaced as a whole, so readers always see a consistent snapshot without locking. */
	private volatile Map<String, Slot> slots;

	@Autowired
	public SanctionsListRegistry(SanctionsWatchProperties properties, ApplicationEventPublisher publisher,
			TaskScheduler scheduler) {
		this(properties.lists(), new ListLoader(new ListFetcher(CONNECT_TIMEOUT, REQUEST_TIMEOUT), Clock.systemUTC()),
				publisher, scheduler, Clock.systemUTC(), STARTUP_WAIT);
	}

	SanctionsListRegistry(SanctionsWatchProperties.Lists lists, SourceLoader loader, ApplicationEventPublisher publisher,
			TaskScheduler scheduler, Clock clock, Duration startupWait) {
		this.refreshInterval = lists.refreshInterval();
		this.loader = loader;
		this.publisher = publisher;
		this.scheduler = scheduler;
		this.clock = clock;
		this.startupWait = startupWait;
		Map<String, Slot> initial = new LinkedHashMap<>();
		for (Source source : lists.sources()) {
			if (initial.put(source.id(), Slot.notLoaded(source)) != null) {
				throw new IllegalStateException("Duplicate sanctions-watch.lists.sources id '" + source.id() + "'");
			}
		}
		this.slots = Collections.unmodifiableMap(initial);
	}

	/**
	 * Loads on the scheduler and waits a bounded time, so that lists are normally in place when the
	 * application reports ready, while a hanging download cannot hold start-up hostage.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		ScheduledFuture<?> initial = this.scheduler.schedule(this::refreshQuietly, this.clock.instant());
		awaitInitialLoad(initial);
		this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, this.clock.instant().plus(this.refreshInterval),
				this.refreshInterval);
	}

	/** The lists currently served, in configuration order; sources that never loaded are missing. */
	public List<SanctionsList> current() {
		return this.slots.values().stream().map(Slot::list).filter(Objects::nonNull).toList();
	}

	/** The state of every configured source, by source id, in configuration order. */
	public Map<String, SourceStatus> status() {
		Map<String, SourceStatus> status = new LinkedHashMap<>();
		this.slots.forEach((id, slot) -> status.put(id, slot.status()));
		return Collections.unmodifiableMap(status);
	}

	/**
	 * Reloads every source now and publishes {@link SanctionsListsChanged} once if any of them yielded a
	 * new version. Failures are recorded in {@link #status()}, never thrown.
	 */
	public void refreshNow() {
		synchronized (this.refreshLock) {
			boolean changed = false;
			for (Slot slot : this.slots.values()) {
				Slot refreshed = refresh(slot);
				changed |= refreshed.list() != null && refreshed.list() != slot.list();
				Map<String, Slot> next = new LinkedHashMap<>(this.slots);
				next.put(slot.source().id(), refreshed);
				// Per source, so that a quick list is served without waiting for a slow one.
				this.slots = Collections.unmodifiableMap(next);
			}
			if (changed) {
				this.publisher.publishEvent(new SanctionsListsChanged(current()));
			}
		}
	}

	private Slot refresh(Slot slot) {
		Source source = slot.source();
		Instant attempt = this.clock.instant();
		SanctionsList previous = slot.list();
		try {
			SanctionsList loaded = this.loader.load(source);
			if (previous != null && previous.version().equals(loaded.version())) {
				if (slot.state() != SourceStatus.State.LOADED) {
					logger.info("Sanctions list '{}' is readable again; still version {}", source.id(), shortVersion(previous));
				}
				// Same bytes: keep the first loadedAt, and do not bother listeners.
				return new Slot(source, previous, SourceStatus.State.LOADED, null, attempt);
			}
			logger.info("Loaded sanctions list '{}' from {}: {} entries, version {}", source.id(), source.location(),
					loaded.entries().size(), shortVersion(loaded));
			return new Slot(source, loaded, SourceStatus.State.LOADED, null, attempt);
		}
		catch (SourceAbsentException ex) {
			if (source.optional() && previous == null) {
				if (slot.state() != SourceStatus.State.ABSENT) {
					logger.info("Optional sanctions list '{}' is not present at {}; skipping it", source.id(),
							source.location());
				}
				return new Slot(source, null, SourceStatus.State.ABSENT, null, attempt);
			}
			return failed(slot, ex, attempt);
		}
		catch (Exception ex) {
			return failed(slot, ex, attempt);
		}
	}

	private Slot failed(Slot slot, Exception ex, Instant attempt) {
		Source source = slot.source();
		String reason = reason(ex);
		SanctionsList previous = slot.list();
		if (previous != null) {
			logger.warn("Refreshing sanctions list '{}' from {} failed; still serving version {} loaded at {}: {}",
					source.id(), source.location(), shortVersion(previous), previous.loadedAt(), reason);
			return new Slot(source, previous, SourceStatus.State.DEGRADED, reason, attempt);
		}
		if (source.optional()) {
			logger.warn("Loading optional sanctions list '{}' from {} failed: {}", source.id(), source.location(), reason);
		}
		else {
			logger.error("Loading sanctions list '{}' from {} failed; screening runs without it: {}", source.id(),
					source.location(), reason);
		}
		return new Slot(source, null, SourceStatus.State.FAILED, reason, attempt);
	}

	private void refreshQuietly() {
		try {
			refreshNow();
		}
		catch (RuntimeException ex) {
			// Only a listener of SanctionsListsChanged can get here; the schedule must survive it.
			logger.error("A listener of SanctionsListsChanged failed", ex);
		}
	}

	private void awaitInitialLoad(ScheduledFuture<?> initial) {
		try {
			initial.get(this.startupWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Sanctions lists still loading after {}; starting without waiting further", this.startupWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			logger.error("Initial sanctions list load failed", ex.getCause());
		}
	}

	/** File, line and cause for format errors; otherwise the exception type matters (timeout, not found). */
	static String reason(Exception ex) {
		if (ex instanceof ListFormatException || ex instanceof SourceAbsentException) {
			return String.valueOf(ex.getMessage());
		}
		if (ex instanceof NoSuchFileException noSuchFile) {
			return "file not found: " + noSuchFile.getFile();
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static String shortVersion(SanctionsList list) {
		return list.version().substring(0, Math.min(12, list.version().length()));
	}

	private record Slot(Source source, @Nullable SanctionsList list, SourceStatus.State state,
			@Nullable String lastError, @Nullable Instant lastAttempt) {

		static Slot notLoaded(Source source) {
			return new Slot(source, null, SourceStatus.State.FAILED, "not loaded yet", null);
		}

		SourceStatus status() {
			SanctionsList list = this.list;
			return new SourceStatus(this.source.id(), this.source.optional(), this.state,
					(list != null) ? list.version() : null, (list != null) ? list.entries().size() : 0,
					(list != null) ? list.loadedAt() : null, this.lastError, this.lastAttempt);
		}

	}

}
