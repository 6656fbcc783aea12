package org.sanctionswatch.rules;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Polls the rule directory. Polling, not file-system events: a Kubernetes ConfigMap update swaps a symlink,
 * which watch services report unreliably, and a hash of the files is cheap.
 */
class RuleDirectoryWatcher implements SmartLifecycle {

	private final RuleRepository repository;

	private final Duration interval;

	private final TaskScheduler scheduler;

	private volatile @Nullable ScheduledFuture<?> task;

	RuleDirectoryWatcher(RuleRepository repository, Duration interval, TaskScheduler scheduler) {
		this.repository = repository;
		this.interval = interval;
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		if (this.repository.directory() != null) {
			this.task = this.scheduler.scheduleWithFixedDelay(this.repository::reloadIfChanged, this.interval);
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> t = this.task;
		if (t != null) {
			t.cancel(false);
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
