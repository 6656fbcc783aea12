package org.sanctionswatch.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.sanctionswatch.SanctionsWatchApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service in a JVM of its own for {@link SoakTest}, so that the heap measured is the service's alone, not
 * the broker's or the load generator's. Every interval it runs a full GC and prints one {@code SOAK} line: the
 * heap left after it, and the service's own counters. A full GC every interval (30 s by default) costs the
 * service a pause of tens of milliseconds; it is what makes "heap after GC" a number that can be trended.
 * Arguments: the interval in seconds, then the service's command-line properties.
 */
public final class SoakService {

	private SoakService() {
	}

	public static void main(String[] args) throws InterruptedException {
		Duration interval = Duration.ofMillis((long) (Double.parseDouble(args[0]) * 1000));
		String[] serviceArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SanctionsWatchApplication.class)
			.run(serviceArgs);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		System.out.println("SOAK ready_ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
		while (context.isActive()) {
			Thread.sleep(interval.toMillis());
			System.gc();
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			System.out.printf("SOAK heap_after_gc_bytes=%d alerts=%.0f dead_lettered=%.0f screened=%.0f%n", heap,
					sum(meters, "sanctions.alerts.raised"), sum(meters, "sanctions.articles.dead.lettered"),
					sum(meters, "sanctions.articles.screened"));
		}
	}

	private static double sum(MeterRegistry meters, String name) {
		return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
	}

}
