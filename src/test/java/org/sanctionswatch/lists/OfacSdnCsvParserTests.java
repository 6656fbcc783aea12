package org.sanctionswatch.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.sanctionswatch.lists.ListEntry.Alias;
import org.sanctionswatch.lists.ListEntry.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OfacSdnCsvParserTests {

	private static final String GOOD_ROW = "1,\"ONE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

	private final OfacSdnCsvParser parser = new OfacSdnCsvParser();

	@Test
	void parsesEveryRowOfTheFixture() throws IOException {
		List<ListEntry> entries = parseFixture();
		assertThat(entries).extracting(ListEntry::entryId)
			.containsExactly("18782", "27018", "21343", "17069", "15431", "24424");
		assertThat(entries).allMatch((entry) -> entry.listId().equals("ofac-sdn"));
	}

	@Test
	void keepsTheIndividualNameAsPrintedAndSplitsItsProgram() throws IOException {
		ListEntry demir = byId().get("27018");
		assertThat(demir.type()).isEqualTo(Type.INDIVIDUAL);
		assertThat(demir.name()).isEqualTo("DEMIR, Ismail");
		assertThat(demir.programs()).containsExactly("CAATSA - RUSSIA");
		assertThat(demir.countries()).containsExactly("Turkey");
		assertThat(demir.aliases()).isEmpty();
	}

	@Test
	void treatsNullTypeAsEntityAndSplitsSeveralPrograms() throws IOException {
		Map<String, ListEntry> entries = byId();
		ListEntry rosoboronexport = entries.get("18782");
		assertThat(rosoboronexport.type()).isEqualTo(Type.ENTITY);
		assertThat(rosoboronexport.programs()).containsExactly("SYRIA", "UKRAINE-EO13662");
		assertThat(rosoboronexport.countries()).isEmpty();
		assertThat(entries.get("21343").programs()).containsExactly("NPWMD", "CYBER2", "CAATSA - RUSSIA");
	}

	@Test
	void readsAkaAndFkaAliasesAsStrongAndSkipsNullNames() throws IOException {
		Map<String, ListEntry> entries = byId();
		assertThat(entries.get("18782").aliases()).containsExactly(new Alias("ROSOBORONEXPORT", false),
				new Alias("ROSOBORONEXPORT JSC", false), new Alias("ROSVOORUZHENIE", false));
		assertThat(entries.get("21343").aliases()).extracting(Alias::name)
			.containsExactly("GRU", "GLAVNOE RAZVEDYVATEL'NOE UPRAVLENIE");
		assertThat(entries.get("24424").aliases()).isEmpty();
	}

	@Test
	void readsVesselFlagAndAircraftType() throws IOException {
		Map<String, ListEntry> entries = byId();
		ListEntry vessel = entries.get("17069");
		assertThat(vessel.type()).isEqualTo(Type.VESSEL);
		assertThat(vessel.name()).isEqualTo("CHONG CHON GANG");
		assertThat(vessel.countries()).containsExactly("Democratic People's Republic of Korea");
		assertThat(entries.get("15431").type()).isEqualTo(Type.AIRCRAFT);
	}

	@Test
	void decodesWindows1252() throws IOException {
		assertThat(byId().get("24424").name()).isEqualTo("CABELLO ROND\u00d3N, Diosdado");
	}

	@Test
	void reportsFileLineAndFieldCountOfABrokenRow() {
		String sdn = GOOD_ROW + "2,\"TWO\",-0- \r\n" + GOOD_ROW.replace("1,", "3,");
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(sdn, ""))
			.withMessage("sdn.csv line 2: expected 12 fields, found 3");
	}

	@Test
	void detectsATruncatedLastRecord() {
		String cut = GOOD_ROW + GOOD_ROW.substring(0, 30);
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(cut, ""))
			.withMessage("sdn.csv line 2: expected 12 fields, found 7 in the last record (file truncated?)");
		String cutInLastField = GOOD_ROW + GOOD_ROW.substring(0, GOOD_ROW.length() - 4);
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(cutInLastField, ""))
			.withMessage("sdn.csv line 2: last record has no line end (file truncated?)");
	}

	@Test
	void detectsATruncationInsideAQuotedField() {
		String cut = GOOD_ROW + "2,\"TWO\",-0- ,\"SDG";
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(cut, ""))
			.withMessage("sdn.csv line 2: unterminated quoted field (file truncated?)");
	}

	@Test
	void namesAltCsvInItsErrors() {
		assertThatExceptionOfType(ListFormatException.class)
			.isThrownBy(() -> parse(GOOD_ROW, "1,10,\"aka\",\"UNO\",-0- \r\n1,11,\"aka\"\r\n"))
			.withMessage("alt.csv line 2: expected 5 fields, found 3");
	}

	@Test
	void rejectsANonNumericEntNumAndAnEmptyFile() {
		assertThatExceptionOfType(ListFormatException.class)
			.isThrownBy(() -> parse(GOOD_ROW.replace("1,", "<html>,"), ""))
			.withMessage("sdn.csv line 1: ent_num '<html>' is not a number");
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse("", ""))
			.withMessage("sdn.csv: no records");
	}

	@Test
	void ignoresAliasesOfUnknownEntries() throws IOException {
		List<ListEntry> entries = parse(GOOD_ROW, "99,10,\"aka\",\"NOBODY\",-0- \r\n");
		assertThat(entries).singleElement().satisfies((entry) -> assertThat(entry.aliases()).isEmpty());
	}

	private List<ListEntry> parseFixture() throws IOException {
		try (InputStream sdn = Files.newInputStream(Fixtures.ofacDirectory().resolve("sdn.csv"));
				InputStream alt = Files.newInputStream(Fixtures.ofacDirectory().resolve("alt.csv"))) {
			return this.parser.parse(sdn, alt);
		}
	}

	private Map<String, ListEntry> byId() throws IOException {
		return parseFixture().stream().collect(Collectors.toMap(ListEntry::entryId, Function.identity()));
	}

	private List<ListEntry> parse(String sdn, String alt) throws IOException {
		return this.parser.parse(new ByteArrayInputStream(sdn.getBytes(OfacSdnCsvParser.CHARSET)),
				new ByteArrayInputStream(alt.getBytes(OfacSdnCsvParser.CHARSET)));
	}

}
