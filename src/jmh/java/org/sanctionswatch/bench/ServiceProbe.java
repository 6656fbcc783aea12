package org.sanctionswatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.sanctionswatch.SanctionsWatchApplication;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.screening.Screening;
import org.sanctionswatch.screening.ScreeningEngine;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service in a JVM of its own, started by {@link StartupBenchmark}: once ready it prints the JVM's uptime
 * (process start to ready) and the heap left after a full GC, then stops. Arguments are the service's own
 * command-line properties.
 */
public final class ServiceProbe {

	private ServiceProbe() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SanctionsWatchApplication.class)
			.run(args);
		long readyMs = ManagementFactory.getRuntimeMXBean().getUptime();
		// the gazetteer in force, to prove the lists are part of what is measured
		Screening screening = context.getBean(ScreeningEngine.class)
			.screen(new Article("probe", null, "Nothing to see here.", null, null, null, "en"));
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		System.out.printf("PROBE ready_ms=%d heap_after_gc_mb=%.1f heap_committed_mb=%.1f gazetteer=%s%n", readyMs,
				heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0, screening.gazetteerVersion().replace(' ', '_').replace('=', ':'));
		context.close();
		System.exit(0);
	}

}
