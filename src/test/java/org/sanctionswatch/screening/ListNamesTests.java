package org.sanctionswatch.screening;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.Mention;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.lists.ListEntry;
import org.sanctionswatch.lists.SanctionsList;
import org.sanctionswatch.text.TextFolder;
import org.sanctionswatch.text.TokenizedText;

import static org.assertj.core.api.Assertions.assertThat;

class ListNamesTests {

	private static final ListNames NAMES = new ListNames(org.sanctionswatch.reference.ReferenceData.bundled().listNaming());

	@Test
	void stripsLegalFormsFromOrganisationNames() {
		assertThat(NAMES.names(entity("ROSOBORONEKSPORT OAO"))).containsExactly("rosoboroneksport");
		assertThat(NAMES.names(entity("JOINT STOCK COMPANY CONCERN VKO ALMAZ-ANTEY")))
			.containsExactly("concern vko almaz antey");
		assertThat(NAMES.names(entity("OOO KVT-RUS"))).containsExactly("kvt rus");
	}

	@Test
	void aLegalFormAloneIsKept() {
		// stripping must leave a word, or the entry would lose its only name
		assertThat(NAMES.withoutLegalForm("ooo")).isEqualTo("ooo");
		assertThat(NAMES.withoutLegalForm("ao jsc")).isEqualTo("jsc");
	}

	@Test
	void writesIndividualsInBothNameOrders() {
		assertThat(NAMES.names(person("DEMIR, Ismail"))).extracting(n -> TextFolder.get().fold(n))
			.containsExactly("ismail demir", "demir ismail");
		assertThat(NAMES.names(person("KIM Jong Un"))).containsExactly("KIM Jong Un");
	}

	@Test
	void leavesOutWeakAliases() {
		ListEntry e = new ListEntry("un-sc-consolidated", "1", ListEntry.Type.ENTITY, "GREEN PINE ASSOCIATED CORPORATION",
				List.of(new ListEntry.Alias("CHONGBONG", true), new ListEntry.Alias("SAENGPIL COMPANY", false)), List.of(),
				List.of());
		assertThat(NAMES.names(e)).containsExactly("green pine associated corporation", "saengpil company");
	}

	@Test
	void registersSpecificNamesButNotGenericInstitutions() {
		Gazetteer g = gazetteer(entity("MINISTRY OF NATIONAL DEFENCE"), entity("ROSOBORONEKSPORT OAO"),
				entity("AAA"), person("DEMIR, Ismail"));
		// the generic name and the three-letter word are not names; two person orders and one firm are
		assertThat(g.names()).isEqualTo(3);
		assertThat(find(g, "The Ministry of National Defence said the AAA rating held.")).isEmpty();
		List<Mention> found = find(g, "Ismail Demir met Rosoboroneksport officials.");
		assertThat(found).extracting(m -> m.hits().get(0).entry().id()).containsExactly("ofac-sdn:DEMIR, Ismail",
				"ofac-sdn:ROSOBORONEKSPORT OAO");
	}

	@Test
	void aSingleWordListNameIsAProperNoun() {
		Gazetteer g = gazetteer(entity("ROSOBORONEKSPORT OAO"));
		Mention m = find(g, "Rosoboroneksport").get(0);
		assertThat(m.hits()).extracting(Mention.Hit::form).containsExactly(NameForm.PROPER_NOUN);
		assertThat(m.hits().get(0).entry().lists()).singleElement()
			.satisfies(ref -> assertThat(ref.entryName()).isEqualTo("ROSOBORONEKSPORT OAO"));
	}

	private static Gazetteer gazetteer(ListEntry... entries) {
		SanctionsList list = new SanctionsList("ofac", "ofac-sdn", "0123456789abcdef", Instant.EPOCH, List.of(entries));
		Gazetteer.Builder builder = Gazetteer.builder();
		NAMES.register(list, builder);
		return builder.build();
	}

	private static List<Mention> find(Gazetteer g, String text) {
		return g.find(TokenizedText.of(text));
	}

	// the entry id doubles as its name so that assertions read well
	private static ListEntry entity(String name) {
		return new ListEntry("ofac-sdn", name, ListEntry.Type.ENTITY, name, List.of(), List.of("UKRAINE-EO13662"),
				List.of());
	}

	private static ListEntry person(String name) {
		return new ListEntry("ofac-sdn", name, ListEntry.Type.INDIVIDUAL, name, List.of(), List.of("CAATSA - TURKEY"),
				List.of());
	}

}
