package org.sanctionswatch.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sanctionswatch.SanctionsWatchProperties.Lists.Format;
import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;
import org.sanctionswatch.lists.ListEntry.Alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses the real published files kept beside the project ({@code ../shared/data}), which the fixtures
 * only imitate. Skipped where that copy is not available.
 */
class RealListsTests {

	private static final Path OFAC = Path.of("../shared/data/ofac-sdn-2021-07");

	private static final Path UN = Path.of("../shared/data/un-consolidated/consolidated.xml");

	private final ListLoader loader = new ListLoader(new ListFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1)),
			Clock.systemUTC());

	@Test
	void parsesTheOfacSdnCopy() throws Exception {
		assumeTrue(Files.isRegularFile(OFAC.resolve("sdn.csv")), () -> "no OFAC copy at " + OFAC.toAbsolutePath());
		long started = System.nanoTime();
		load(Format.OFAC_SDN_CSV, OFAC);
		long coldMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		SanctionsList list = load(Format.OFAC_SDN_CSV, OFAC);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("OFAC SDN: %d entries, %d aliases; first load %d ms, second %d ms%n", list.entries().size(),
				list.entries().stream().mapToInt((entry) -> entry.aliases().size()).sum(), coldMillis, millis);

		assertThat(list.entries()).hasSizeGreaterThan(8000);
		assertThat(millis).isLessThan(1000);
		ListEntry rosoboronexport = entry(list.entries(), "18782");
		assertThat(rosoboronexport.name()).isEqualTo("ROSOBORONEKSPORT OAO");
		assertThat(rosoboronexport.type()).isEqualTo(ListEntry.Type.ENTITY);
		assertThat(rosoboronexport.programs()).contains("UKRAINE-EO13662");
		assertThat(rosoboronexport.aliases()).contains(new Alias("ROSOBORONEXPORT", false));
		assertThat(entry(list.entries(), "27018").programs()).containsExactly("CAATSA - RUSSIA");
		assertThat(list.entries()).filteredOn((entry) -> entry.type() == ListEntry.Type.VESSEL)
			.hasSizeGreaterThan(100)
			.anySatisfy((vessel) -> assertThat(vessel.countries()).contains("Iran"));
	}

	@Test
	void parsesTheUnConsolidatedCopy() throws Exception {
		assumeTrue(Files.isRegularFile(UN), () -> "no UN copy at " + UN.toAbsolutePath());
		long started = System.nanoTime();
		load(Format.UN_CONSOLIDATED_XML, UN);
		long coldMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		SanctionsList list = load(Format.UN_CONSOLIDATED_XML, UN);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("UN consolidated: %d entries, %d aliases; first load %d ms, second %d ms%n", list.entries().size(),
				list.entries().stream().mapToInt((entry) -> entry.aliases().size()).sum(), coldMillis, millis);

		assertThat(list.entries()).hasSizeGreaterThan(900);
		assertThat(millis).isLessThan(1000);
		assertThat(list.entries()).filteredOn((entry) -> entry.programs().contains("DPRK")).hasSizeGreaterThan(50);
		assertThat(list.entries()).extracting(ListEntry::entryId).doesNotHaveDuplicates();
		assertThat(entry(list.entries(), "IQi.001").name()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
		assertThat(entry(list.entries(), "IRi.003").aliases()).extracting(Alias::name)
			.contains("Azim Adhajani", "Azim Agha-Jani");
		assertThat(list.entries()).flatExtracting(ListEntry::aliases).anyMatch(Alias::weak);
	}

	private SanctionsList load(Format format, Path location) throws Exception {
		return this.loader.load(new Source("real", format, location.toString(), false));
	}

	private static ListEntry entry(List<ListEntry> entries, String id) {
		return entries.stream().filter((entry) -> entry.entryId().equals(id)).findFirst().orElseThrow();
	}

}
