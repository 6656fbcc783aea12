package org.sanctionswatch.lists;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.lists.SourceStatus.State;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class SanctionsListRegistryTests {

	@TempDir
	Path dir;

	private final List<SanctionsListsChanged> events = new CopyOnWriteArrayList<>();

	private final ApplicationEventPublisher publisher = (event) -> {
		if (event instanceof SanctionsListsChanged changed) {
			this.events.add(changed);
		}
	};

	/** Never started: refreshes in these tests are driven by refreshNow() unless a test starts one. */
	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown();
	}

	@Test
	void loadsEverySourceAndPublishesOnceForTheFirstVersions() throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		registry.refreshNow();
		assertThat(registry.current()).extracting(SanctionsList::sourceId).containsExactly("ofac", "un");
		assertThat(registry.current()).extracting((list) -> list.entries().size()).containsExactly(6, 4);
		assertThat(registry.status().values()).allSatisfy((status) -> {
			assertThat(status.state()).isEqualTo(State.LOADED);
			assertThat(status.lastError()).isNull();
			assertThat(status.lastAttempt()).isNotNull();
		});
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.lists()).hasSize(2));
		assertThat(health(registry).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void unchangedContentKeepsTheVersionAndPublishesNothing() throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		registry.refreshNow();
		List<SanctionsList> first = registry.current();
		registry.refreshNow();
		assertThat(registry.current()).containsExactlyElementsOf(first);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void aFailedRefreshKeepsServingThePreviousVersion(CapturedOutput output) throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		registry.refreshNow();
		SanctionsList ofac = registry.current().get(0);
		Path sdn = this.dir.resolve("ofac/sdn.csv");
		Files.writeString(sdn, "1,\"CUT SHORT\",-0- \r\n", StandardCharsets.ISO_8859_1);

		registry.refreshNow();

		assertThat(registry.current()).first().isSameAs(ofac);
		SourceStatus status = registry.status().get("ofac");
		assertThat(status.state()).isEqualTo(State.DEGRADED);
		assertThat(status.version()).isEqualTo(ofac.version());
		assertThat(status.lastError()).isEqualTo("sdn.csv line 1: expected 12 fields, found 3");
		assertThat(output).contains("WARN").contains("still serving version").contains(status.lastError());
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(ListsHealthIndicator.DEGRADED);
		assertThat(health.getDetails().get("ofac")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("status", "DEGRADED")
			.containsEntry("entries", 6)
			.containsEntry("version", ofac.version())
			.containsEntry("reason", status.lastError());
		assertThat(this.events).hasSize(1);
	}

	@Test
	void aFixedFileIsPickedUpOnTheNextRefreshAndPublishedOncePerChange() throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		registry.refreshNow();
		Path sdn = this.dir.resolve("ofac/sdn.csv");
		byte[] original = Files.readAllBytes(sdn);
		Files.write(sdn, new byte[] { '1', ',' });
		registry.refreshNow();
		assertThat(registry.status().get("ofac").state()).isEqualTo(State.DEGRADED);

		// Fixed with other content: a new version, one event carrying both lists.
		Files.write(sdn, withoutLastRecord(original));
		registry.refreshNow();
		assertThat(registry.status().get("ofac").state()).isEqualTo(State.LOADED);
		assertThat(registry.status().get("ofac").lastError()).isNull();
		assertThat(registry.current().get(0).entries()).hasSize(5);
		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(1).lists()).extracting(SanctionsList::sourceId).containsExactly("ofac", "un");
		assertThat(health(registry).getStatus()).isEqualTo(Status.UP);

		registry.refreshNow();
		assertThat(this.events).hasSize(2);
	}

	@Test
	void recoveringTheSameBytesAfterAFailureIsNoChange() throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		registry.refreshNow();
		Path alt = this.dir.resolve("ofac/alt.csv");
		byte[] original = Files.readAllBytes(alt);
		Files.writeString(alt, "\"unterminated", StandardCharsets.ISO_8859_1);
		registry.refreshNow();
		assertThat(registry.status().get("ofac").lastError())
			.isEqualTo("alt.csv line 1: unterminated quoted field (file truncated?)");
		Files.write(alt, original);
		registry.refreshNow();
		assertThat(registry.status().get("ofac").state()).isEqualTo(State.LOADED);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void anOptionalMissingSourceIsAbsentAndHealthStaysUp(CapturedOutput output) throws Exception {
		Fixtures.copyOfac(this.dir.resolve("ofac"));
		SanctionsListRegistry registry = registry(new Fixtures.PropertiesBuilder()
			.source("ofac", "OFAC_SDN_CSV", this.dir.resolve("ofac"), false)
			.source("un", "UN_CONSOLIDATED_XML", this.dir.resolve("un/consolidated.xml"), true)
			.build());
		registry.refreshNow();
		registry.refreshNow();
		SourceStatus un = registry.status().get("un");
		assertThat(un.state()).isEqualTo(State.ABSENT);
		assertThat(un.lastError()).isNull();
		assertThat(registry.current()).extracting(SanctionsList::sourceId).containsExactly("ofac");
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("un")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("status", "ABSENT")
			.containsEntry("entries", 0);
		assertThat(output.toString().split("is not present at", -1)).hasSize(2);
		assertThat(output).doesNotContain("WARN").doesNotContain("ERROR");

		// It may appear later, without restart.
		Fixtures.copyUn(this.dir.resolve("un/consolidated.xml"));
		registry.refreshNow();
		assertThat(registry.status().get("un").state()).isEqualTo(State.LOADED);
		assertThat(this.events).hasSize(2);
	}

	@Test
	void aRequiredMissingSourceFailsAndHealthIsDown() throws Exception {
		Fixtures.copyOfac(this.dir.resolve("ofac"));
		Path missing = this.dir.resolve("un/consolidated.xml");
		SanctionsListRegistry registry = registry(new Fixtures.PropertiesBuilder()
			.source("ofac", "OFAC_SDN_CSV", this.dir.resolve("ofac"), false)
			.source("un", "UN_CONSOLIDATED_XML", missing, false)
			.build());
		registry.refreshNow();
		SourceStatus un = registry.status().get("un");
		assertThat(un.state()).isEqualTo(State.FAILED);
		assertThat(un.version()).isNull();
		assertThat(un.lastError()).isEqualTo("location does not exist: " + missing);
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("un")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("status", "FAILED")
			.containsEntry("reason", un.lastError());
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.lists()).hasSize(1));
	}

	@Test
	void anOptionalBrokenSourceDegradesHealth() throws Exception {
		Files.createDirectories(this.dir.resolve("un"));
		Files.writeString(this.dir.resolve("un/consolidated.xml"), "<CONSOLIDATED_LIST><INDIVIDUALS>");
		SanctionsListRegistry registry = registry(new Fixtures.PropertiesBuilder()
			.source("un", "UN_CONSOLIDATED_XML", this.dir.resolve("un/consolidated.xml"), true)
			.build());
		registry.refreshNow();
		assertThat(registry.status().get("un").state()).isEqualTo(State.FAILED);
		assertThat(registry.status().get("un").lastError()).startsWith("consolidated.xml line 1: ");
		assertThat(health(registry).getStatus()).isEqualTo(ListsHealthIndicator.DEGRADED);
	}

	@Test
	void beforeTheFirstAttemptNothingIsServed() throws Exception {
		SanctionsListRegistry registry = registry(bothLists());
		assertThat(registry.current()).isEmpty();
		assertThat(registry.status().get("ofac").state()).isEqualTo(State.FAILED);
		assertThat(registry.status().get("ofac").lastAttempt()).isNull();
		assertThat(health(registry).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void startUpLoadsBeforeReturningAndThenRefreshesOnSchedule() throws Exception {
		this.scheduler.initialize();
		SanctionsListRegistry registry = registry(new Fixtures.PropertiesBuilder()
			.source("ofac", "OFAC_SDN_CSV", Fixtures.copyOfac(this.dir.resolve("ofac")), false)
			.refreshInterval("PT0.1S")
			.build());
		registry.afterSingletonsInstantiated();
		assertThat(registry.status().get("ofac").state()).isEqualTo(State.LOADED);
		String first = registry.current().get(0).version();

		Path sdn = this.dir.resolve("ofac/sdn.csv");
		Files.write(sdn, withoutLastRecord(Files.readAllBytes(sdn)));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !registry.current().get(0).version().equals(first));
		assertThat(registry.current().get(0).entries()).hasSize(5);
		assertThat(this.events).hasSize(2);
	}

	@Test
	void aHangingSourceDoesNotHoldStartUp() throws Exception {
		this.scheduler.setPoolSize(2);
		this.scheduler.initialize();
		CountDownLatch release = new CountDownLatch(1);
		SanctionsList list = new SanctionsList("slow", "ofac-sdn", "v1", Instant.now(), List.of());
		SourceLoader hanging = (source) -> {
			release.await(10, TimeUnit.SECONDS);
			return list;
		};
		SanctionsWatchProperties properties = new Fixtures.PropertiesBuilder()
			.source("slow", "OFAC_SDN_CSV", "https://example.invalid/ofac", false)
			.build();
		SanctionsListRegistry registry = new SanctionsListRegistry(properties.lists(), hanging, this.publisher,
				this.scheduler, Clock.systemUTC(), Duration.ofMillis(200));
		long started = System.nanoTime();
		registry.afterSingletonsInstantiated();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(registry.status().get("slow").state()).isEqualTo(State.FAILED);
		assertThat(registry.status().get("slow").lastError()).isEqualTo("not loaded yet");

		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> registry.status().get("slow").state() == State.LOADED);
		assertThat(registry.current()).containsExactly(list);
	}

	@Test
	void rejectsDuplicateSourceIds() {
		SanctionsWatchProperties properties = new Fixtures.PropertiesBuilder()
			.source("same", "OFAC_SDN_CSV", this.dir, false)
			.source("same", "UN_CONSOLIDATED_XML", this.dir, false)
			.build();
		assertThatIllegalStateException().isThrownBy(() -> registry(properties)).withMessageContaining("'same'");
	}

	private SanctionsWatchProperties bothLists() throws Exception {
		return new Fixtures.PropertiesBuilder()
			.source("ofac", "OFAC_SDN_CSV", Fixtures.copyOfac(this.dir.resolve("ofac")), false)
			.source("un", "UN_CONSOLIDATED_XML", Fixtures.copyUn(this.dir.resolve("un/consolidated.xml")), false)
			.build();
	}

	private SanctionsListRegistry registry(SanctionsWatchProperties properties) {
		return new SanctionsListRegistry(properties, this.publisher, this.scheduler);
	}

	private static Health health(SanctionsListRegistry registry) {
		return new ListsHealthIndicator(registry).health();
	}

	/** The fixture minus its last record (the trailing Ctrl-Z marker stays). */
	private static byte[] withoutLastRecord(byte[] csv) {
		String text = new String(csv, StandardCharsets.ISO_8859_1);
		int end = text.lastIndexOf("\r\n");
		int start = text.lastIndexOf("\r\n", end - 1);
		return (text.substring(0, start + 2) + text.substring(end + 2)).getBytes(StandardCharsets.ISO_8859_1);
	}

}
