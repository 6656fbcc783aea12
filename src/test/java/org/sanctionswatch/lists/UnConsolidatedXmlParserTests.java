package org.sanctionswatch.lists;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanctionswatch.lists.ListEntry.Alias;
import org.sanctionswatch.lists.ListEntry.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnConsolidatedXmlParserTests {

	private final UnConsolidatedXmlParser parser = new UnConsolidatedXmlParser();

	@Test
	void readsIndividualsAndEntitiesInDocumentOrder() throws Exception {
		List<ListEntry> entries = parseFixture();
		assertThat(entries).extracting(ListEntry::entryId).containsExactly("IQi.001", "IRi.003", "KPe.001", "SOe.001");
		assertThat(entries).extracting(ListEntry::type)
			.containsExactly(Type.INDIVIDUAL, Type.INDIVIDUAL, Type.ENTITY, Type.ENTITY);
		assertThat(entries).allMatch((entry) -> entry.listId().equals("un-sc-consolidated"));
	}

	@Test
	void joinsNamePartsAndTakesProgramAndNationality() throws Exception {
		ListEntry saddam = byId().get("IQi.001");
		assertThat(saddam.name()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
		assertThat(saddam.programs()).containsExactly("Iraq");
		// Only NATIONALITY counts; the place of birth also says Iraq but is not read.
		assertThat(saddam.countries()).containsExactly("Iraq");
		assertThat(byId().get("IRi.003").countries()).containsExactly("Iran (Islamic Republic of)");
		assertThat(byId().get("KPe.001").countries()).isEmpty();
		assertThat(byId().get("KPe.001").programs()).containsExactly("DPRK");
	}

	@Test
	void marksLowQualityAliasesWeakAndKeepsTheOriginalScriptName() throws Exception {
		assertThat(byId().get("IQi.001").aliases()).containsExactly(new Alias("صدام حسين التكريتي", false),
				new Alias("Abu Ali", true));
		assertThat(byId().get("SOe.001").aliases()).containsExactly(new Alias("HARAKAT SHABAB AL-MUJAHIDIN", false),
				new Alias("THE YOUTH", true));
	}

	@Test
	void splitsSemicolonSeparatedAliasesSkipsEmptyOnesAndDropsQuotes() throws Exception {
		assertThat(byId().get("IRi.003").aliases()).containsExactly(new Alias("Azim Adhajani", false),
				new Alias("Azim Agha-Jani", false));
		assertThat(byId().get("KPe.001").aliases()).extracting(Alias::name)
			.containsExactly("CHANGGWANG SINYONG CORPORATION", "KOMID");
	}

	@Test
	void fallsBackToDataIdWithoutReferenceNumber() {
		List<ListEntry> entries = parse("""
				<CONSOLIDATED_LIST><ENTITIES><ENTITY>
				<DATAID>42</DATAID><FIRST_NAME>ACME</FIRST_NAME><REFERENCE_NUMBER/>
				</ENTITY></ENTITIES></CONSOLIDATED_LIST>""");
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.entryId()).isEqualTo("42");
			assertThat(entry.programs()).isEmpty();
		});
	}

	@Test
	void reportsTheLineOfATruncatedDocument() throws Exception {
		String xml = Files.readString(Fixtures.unFile());
		String truncated = xml.substring(0, xml.indexOf("<ENTITIES>") + 40);
		int lastLine = (int) truncated.lines().count();
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(truncated))
			.withMessageStartingWith("consolidated.xml line " + lastLine + ": ")
			.withMessageContaining("XML document structures must start and end within the same entity");
	}

	@Test
	void reportsMalformedMarkupWithItsLine() {
		assertThatExceptionOfType(ListFormatException.class)
			.isThrownBy(() -> parse("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n</INDIVIDUALS>"))
			.withMessageStartingWith("consolidated.xml line 4: ");
	}

	@Test
	void rejectsAnotherDocumentAndAnEmptyList() {
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse("<html><body/></html>"))
			.withMessage("consolidated.xml line 1: root element is <html>, expected <CONSOLIDATED_LIST>");
		assertThatExceptionOfType(ListFormatException.class)
			.isThrownBy(() -> parse("<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>"))
			.withMessage("consolidated.xml: no INDIVIDUAL or ENTITY entries");
	}

	@Test
	void rejectsAnEntryWithoutName() {
		assertThatExceptionOfType(ListFormatException.class)
			.isThrownBy(() -> parse("<CONSOLIDATED_LIST><ENTITIES>\n<ENTITY><REFERENCE_NUMBER>X</REFERENCE_NUMBER></ENTITY>"
					+ "</ENTITIES></CONSOLIDATED_LIST>"))
			.withMessage("consolidated.xml line 2: ENTITY without FIRST_NAME");
	}

	@Test
	void doesNotResolveExternalEntities(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "%s">]>
				<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>X</REFERENCE_NUMBER>
				<FIRST_NAME>A&xxe;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>
				""".formatted(secret.toUri());
		// With DTDs off the entity stays undeclared, so the document is refused instead of expanded.
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> parse(xml))
			.withMessageStartingWith("consolidated.xml line 4: ")
			.withMessageContaining("\"xxe\" was referenced, but not declared")
			.withMessageNotContaining("TOP-SECRET");
	}

	private List<ListEntry> parseFixture() throws Exception {
		try (InputStream in = Files.newInputStream(Fixtures.unFile())) {
			return this.parser.parse(in, "consolidated.xml");
		}
	}

	private Map<String, ListEntry> byId() throws Exception {
		return parseFixture().stream().collect(Collectors.toMap(ListEntry::entryId, Function.identity()));
	}

	private List<ListEntry> parse(String xml) {
		return this.parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "consolidated.xml");
	}

}
