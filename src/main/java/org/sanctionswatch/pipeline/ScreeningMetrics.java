package org.sanctionswatch.pipeline;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.screening.Screening;

import org.springframework.stereotype.Component;

/** Articles screened, alerts by rule and severity, dead-lettered records, and screening latency. */
@Component
class ScreeningMetrics {

	private final MeterRegistry registry;

	private final Timer latency;

	private final Counter alerted;

	private final Counter quiet;

	ScreeningMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.latency = Timer.builder("sanctions.screening.latency")
			.description("Time to decode and screen one article")
			.publishPercentileHistogram()
			.register(registry);
		this.alerted = Counter.builder("sanctions.articles.screened").tag("outcome", "alerted").register(registry);
		this.quiet = Counter.builder("sanctions.articles.screened").tag("outcome", "quiet").register(registry);
	}

	void screened(Screening screening, long nanos) {
		this.latency.record(nanos, TimeUnit.NANOSECONDS);
		(screening.alerts().isEmpty() ? this.quiet : this.alerted).increment();
		for (AlertRaised alert : screening.alerts()) {
			Counter.builder("sanctions.alerts.raised")
				.tag("rule", alert.ruleId())
				.tag("severity", alert.severity())
				.register(this.registry)
				.increment();
		}
	}

	void deadLettered(String reason) {
		Counter.builder("sanctions.articles.dead.lettered").tag("reason", reason).register(this.registry).increment();
	}

}
