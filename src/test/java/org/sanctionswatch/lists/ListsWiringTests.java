package org.sanctionswatch.lists;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanctionswatch.SanctionsWatchProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry as Spring builds it: Boot's scheduler, the start-up load, the event and the health bean. */
class ListsWiringTests {

	@TempDir
	Path dir;

	@Test
	void listsAreLoadedWhenTheContextIsReady() throws Exception {
		Path ofac = Fixtures.copyOfac(this.dir.resolve("ofac"));
		Path un = Fixtures.copyUn(this.dir.resolve("un/consolidated.xml"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(Wiring.class)
			.withPropertyValues("sanctions-watch.lists.sources[0].id=ofac",
					"sanctions-watch.lists.sources[0].format=OFAC_SDN_CSV",
					"sanctions-watch.lists.sources[0].location=" + ofac,
					"sanctions-watch.lists.sources[1].id=un",
					"sanctions-watch.lists.sources[1].format=UN_CONSOLIDATED_XML",
					"sanctions-watch.lists.sources[1].location=" + un.toUri())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SanctionsListRegistry.class).current()).extracting(SanctionsList::sourceId)
					.containsExactly("ofac", "un");
				assertThat(context.getBean("lists", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
				assertThat(context.getBean(Wiring.class).events).singleElement()
					.satisfies((event) -> assertThat(event.lists()).hasSize(2));
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableConfigurationProperties(SanctionsWatchProperties.class)
	@Import({ SanctionsListRegistry.class, ListsHealthIndicator.class })
	static class Wiring {

		final List<SanctionsListsChanged> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onChange(SanctionsListsChanged event) {
			this.events.add(event);
		}

	}

}
