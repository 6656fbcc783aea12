package org.sanctionswatch.analysis;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.reference.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleAnalyzerTests {

	private static final ReferenceData REFERENCE = ReferenceData.bundled();

	private static final Gazetteer GAZETTEER = gazetteer();

	private final ArticleAnalyzer analyzer = new ArticleAnalyzer(REFERENCE);

	@Test
	void theSubjectOfABuyingVerbIsTheBuyerAndFromNamesTheSeller() {
		Transaction t = onlyTransaction("Egypt bought Su-35 fighters from Rosoboronexport last year.");
		assertThat(t.kinds()).containsExactly("purchase");
		assertThat(role(t, "country:EG")).isEqualTo(Role.BUYER);
		assertThat(role(t, "ref:rosoboronexport")).isEqualTo(Role.SELLER);
		assertThat(t.items()).extracting(i -> i.entry().id()).contains("system:su-35");
	}

	@Test
	void withNamesAPartnerEvenAfterABuyingVerb() {
		// without "with", an object of "placed an order" would read as the seller
		Transaction t = onlyTransaction("Turkey placed an order with Rosoboronexport for S-400 systems.");
		assertThat(role(t, "country:TR")).isEqualTo(Role.BUYER);
		assertThat(role(t, "ref:rosoboronexport")).isEqualTo(Role.PARTNER);
	}

	@Test
	void toNamesTheRecipientOfASale() {
		Transaction t = onlyTransaction("Rosoboronexport delivered S-400 systems to Turkey in July.");
		assertThat(t.kinds()).containsExactly("delivery");
		assertThat(t.stage()).isEqualTo("delivery");
		assertThat(role(t, "ref:rosoboronexport")).isEqualTo(Role.SELLER);
		assertThat(role(t, "country:TR")).isEqualTo(Role.BUYER);
	}

	@Test
	void byNamesTheAgentOfAPassiveVerb() {
		Transaction sold = onlyTransaction("The S-400 systems were delivered by Rosoboronexport.");
		assertThat(role(sold, "ref:rosoboronexport")).isEqualTo(Role.SELLER);
		Transaction bought = onlyTransaction("The S-400 systems were bought by Turkey in 2017.");
		assertThat(role(bought, "country:TR")).isEqualTo(Role.BUYER);
	}

	@Test
	void aPossessiveOwnerLendsItsRoleToWhatItOwns() {
		// "Russia's Rostec": Rostec takes the partner role of "with Russia", not the seller role of an object
		Transaction t = onlyTransaction("Algeria placed an order with Russia's Rostec for Su-57 jets.");
		assertThat(role(t, "country:RU")).isEqualTo(Role.PARTNER);
		assertThat(role(t, "ref:rostec")).isEqualTo(Role.PARTNER);
		assertThat(party(t, "ref:rostec").mention().text()).isEqualTo("Rostec");
	}

	@Test
	void aDealToldAsBackgroundIsNotATransaction() {
		ArticleAnalysis a = analyze("Relations soured after Ankara bought S-400 missiles from Moscow.");
		assertThat(a.transactions()).isEmpty();
		// the names are still there for the alert's list of matches
		assertThat(a.names()).extracting(n -> n.entries().get(0).id()).contains("country:TR", "system:s-400");
	}

	@Test
	void anAttributiveParticipleDescribesAndDoesNotReport() {
		assertThat(analyze("The S-400 systems bought in 2017 remain in storage near Ankara.").transactions()).isEmpty();
		// the same participle as the verb of a clause reports
		assertThat(analyze("Turkey bought S-400 systems in 2017.").transactions()).hasSize(1);
		// a phrasal verb's object comes after its particle
		Transaction handed = onlyTransaction("Russia handed over four Su-30 jets to Myanmar, the ministry in Naypyitaw said.");
		assertThat(role(handed, "country:RU")).isEqualTo(Role.SELLER);
		assertThat(role(handed, "country:MM")).isEqualTo(Role.BUYER);
	}

	@Test
	void aNegatedOrRefusedDealIsNotATransaction() {
		assertThat(analyze("Rosoboronexport declined to comment on contracts with foreign customers.").transactions())
			.isEmpty();
		assertThat(analyze("Egypt did not buy Su-35 fighters from Russia.").transactions()).isEmpty();
		// a refusal takes its clause without "that", even where a headline leaves the tagger guessing
		assertThat(analyze("Belarus rejects claims it sold Su-30 jets to Myanmar").transactions()).isEmpty();
		assertThat(analyze("Belarus confirms it sold Su-30 jets to Myanmar").transactions()).isNotEmpty();
		// the negation of a noun reaches the nouns it is about
		assertThat(analyze("Rosoboronexport gave no details of any negotiations or contracts with Egypt.").transactions())
			.isEmpty();
		assertThat(analyze("Rosoboronexport gave details of contracts with Egypt for Su-35 fighters.").transactions())
			.isNotEmpty();
	}

	@Test
	void aPactBetweenStatesIsPolicyNotADeal() {
		assertThat(analyze("Russia and North Korea signed a mutual defence treaty in Pyongyang.").transactions()).isEmpty();
		assertThat(analyze("The partnership treaty, signed by Russia and Iran in January, took effect.").transactions())
			.isEmpty();
		assertThat(analyze("Russia and Iran signed a contract for Su-35 fighters in Tehran.").transactions()).isNotEmpty();
		// a gerund that qualifies a noun names an event, not a deal
		assertThat(analyze("Russia and Iran cancelled the lunch and signing ceremony in Tehran.").transactions()).isEmpty();
	}

	@Test
	void anOperationalStoryIsNotATransaction() {
		assertThat(analyze("Turkey test-fired the S-400 it bought from Russia.").transactions()).isEmpty();
	}

	@Test
	void buyingARussianSystemImpliesItsStateExporter() {
		Transaction t = onlyTransaction("Serbia has taken delivery of a Pantsir-S1 battery, the ministry said.");
		assertThat(role(t, "country:RS")).isEqualTo(Role.BUYER);
		Party exporter = party(t, "ref:rosoboronexport");
		assertThat(exporter.role()).isEqualTo(Role.IMPLIED);
		assertThat(exporter.mention()).isNull();
		assertThat(exporter.reason()).isEqualTo("state exporter of Pantsir-S1");
		assertThat(t.items()).extracting(i -> i.entry().id() + "/" + i.origin()).containsExactly("system:pantsir/RU");
	}

	@Test
	void aJointVentureSellsForItsRussianPartners() {
		Transaction t = onlyTransaction("Indo-Russia Rifles handed over 70,000 AK-203 rifles to the Indian Army.");
		assertThat(t.parties()).filteredOn(p -> p.role() == Role.IMPLIED).extracting(p -> p.primary().id())
			.contains("ref:rosoboronexport", "ref:kalashnikov");
		assertThat(t.parties()).filteredOn(p -> p.role() == Role.IMPLIED)
			.allSatisfy(p -> assertThat(p.reason()).contains("Indo-Russia Rifles"));
	}

	@Test
	void noExporterIsImpliedWithoutAForeignBuyer() {
		Transaction t = onlyTransaction("Russia delivered Pantsir-S1 systems to its own army.");
		assertThat(party(t, "ref:rosoboronexport")).isNull();
	}

	@Test
	void aContextualSystemNameNeedsDefenceWords() {
		assertThat(names("Activists in Belarus bought access to the Tor browser.")).doesNotContain("system:tor");
		assertThat(names("Belarus bought Tor-M2 air defence systems.")).contains("system:tor");
		Transaction t = onlyTransaction("Belarus bought Tor-M2 air defence systems.");
		assertThat(t.items()).extracting(i -> i.entry().id()).contains("system:tor");
	}

	@Test
	void aDesignationWrittenWithAPlainSpaceIsACarModelWithoutDefenceWords() {
		// "S 400 d" is a Mercedes; the system itself must not count as the defence context it needs
		assertThat(names("Egypt bought a Mercedes S 400 d from a dealer.")).doesNotContain("system:s-400");
		assertThat(analyze("Egypt bought a Mercedes S 400 d from a dealer.").transactions())
			.allSatisfy(t -> assertThat(t.items()).isEmpty());
		assertThat(names("Egypt bought S 400 missiles from Russia.")).contains("system:s-400");
	}

	@Test
	void aDemonymBeforeGoodsIsTheirOriginNotAParty() {
		Transaction t = onlyTransaction("Egypt bought 300,000 tonnes of Russian wheat from traders.");
		assertThat(t.parties()).extracting(p -> p.primary().id()).containsExactly("country:EG");
		Item wheat = t.items().get(0);
		assertThat(wheat.entry().id()).isEqualTo("goods:civ-grain");
		assertThat(wheat.origin()).isEqualTo("RU");
		assertThat(wheat.mention().text()).isEqualTo("wheat");
	}

	@Test
	void aDemonymBeforeAnActorNounIsAParty() {
		Transaction t = onlyTransaction("A Turkish official signed a contract with Rosoboronexport for S-400 systems.");
		assertThat(role(t, "country:TR")).isEqualTo(Role.PARTNER);
		assertThat(party(t, "country:TR").mention().text()).isEqualTo("Turkish");
	}

	@Test
	void aSentenceWithoutAnItemTakesItFromThePreviousSentence() {
		List<Transaction> ts = analyze("Turkey ordered a first S-400 battery from Russia. It arrived in July.")
			.transactions();
		assertThat(ts).hasSize(2);
		Transaction second = ts.get(1);
		assertThat(second.sentence().text()).isEqualTo("It arrived in July.");
		assertThat(second.items()).singleElement().satisfies(i -> {
			assertThat(i.entry().id()).isEqualTo("system:s-400");
			assertThat(i.fromContext()).isTrue();
		});
		assertThat(second.context()).extracting(Span::text)
			.containsExactly("Turkey ordered a first S-400 battery from Russia.");
		assertThat(role(second, "country:TR")).isEqualTo(Role.CONTEXT);
	}

	@Test
	void spansQuoteTheOriginalText() {
		String body = "Officials said on Friday that\nTurkey signed a contract with Rosoboronexport for S\u2011400 systems.";
		ArticleAnalysis a = analyze(body);
		for (NamedMention n : a.names()) {
			assertThat(body.substring(n.span().start(), n.span().end())).isEqualTo(n.span().text());
			assertThat(n.span().field()).isEqualTo("body");
		}
		Transaction t = a.transactions().get(0);
		assertThat(body.substring(t.sentence().start(), t.sentence().end())).isEqualTo(t.sentence().text());
		assertThat(t.items()).extracting(i -> i.mention().text()).contains("S\u2011400");
	}

	@Test
	void aRefusalReachesOnlyItsOwnVerbPhrase() {
		// "dismissed" governs the warnings; the delivery is a verb phrase of its own, after "and"
		Transaction t = onlyTransaction("Turkey dismissed US warnings and took delivery of the S-400 from Russia.");
		assertThat(role(t, "country:TR")).isEqualTo(Role.BUYER);
		assertThat(party(t, "country:US")).isNull();
		// the same refusal governing the deal itself denies it
		assertThat(analyze("Egypt dismissed reports that it had ordered Su-35 jets from Russia.").transactions()).isEmpty();
	}

	@Test
	void anOperationalVerbAfterAndLeavesTheDealReported() {
		Transaction t = onlyTransaction("Belarus received Iskander missiles from Russia and deployed them near the border.");
		assertThat(t.kinds()).contains("delivery");
		assertThat(role(t, "country:BY")).isEqualTo(Role.BUYER);
	}

	@Test
	void aModalOfPossibilityDoesNotReportButAnIntentIsTalks() {
		assertThat(analyze("Vietnam could one day turn to the Su-57 to replace its ageing fleet.").transactions()).isEmpty();
		Transaction t = onlyTransaction("India will buy more Su-30MKI fighters from Russia, the defence ministry said.");
		assertThat(t.stage()).isEqualTo("negotiation");
	}

	@Test
	void aDatedDealIsHistoryAndAContractYearDatesOnlyThePurchase() {
		ArticleAnalyzer a = this.analyzer;
		assertThat(a.analyze("en", null, "Armenia acquired the Iskander-E from Russia in 2016.", 2021, GAZETTEER)
			.transactions()).isEmpty();
		assertThat(a.analyze("en", null, "India bought five S-400 squadrons under a 2018 contract.", 2025, GAZETTEER)
			.transactions()).isEmpty();
		// a delivery under an old agreement happens now
		assertThat(a.analyze("en", null, "The Su-30SME jets were supplied under a 2018 agreement with Rosoboronexport.",
				2021, GAZETTEER).transactions()).hasSize(1);
	}

	@Test
	void reportedSpeechKeepsAPastPerfectCurrent() {
		Transaction t = onlyTransaction(
				"The Syrian army said upgraded MiG-29 fighters had been handed over to its air force by Russia.");
		assertThat(role(t, "country:RU")).isEqualTo(Role.SELLER);
	}

	@Test
	void noRussianSellerIsInventedForATransferBetweenOtherCountries() {
		// Soviet-built jets passed on by a third country: the seller is named, and it is not Russia
		Transaction t = onlyTransaction("Slovakia handed over its MiG-29 fighters to Ukraine.");
		assertThat(role(t, "country:SK")).isEqualTo(Role.SELLER);
		assertThat(t.parties()).noneMatch(p -> p.role() == Role.IMPLIED);
	}

	@Test
	void aSanctionReportsTheDealItPunishes() {
		Transaction t = onlyTransaction(
				"The United States imposed sanctions on Turkey's SSB over its purchase of S-400 systems from Rosoboronexport.");
		assertThat(t.kinds()).contains("sanction", "purchase");
		assertThat(role(t, "body:tr-ssb")).isIn(Role.BUYER, Role.PARTNER);
		assertThat(role(t, "ref:rosoboronexport")).isEqualTo(Role.SELLER);
	}

	@Test
	void theLeadDecidesWhatIsNewsAndWhatIsBackground() {
		String body = """
				Egypt ordered 30 more Rafale jets from Dassault Aviation, the French ministry said.

				The package is financed with French loans. Egypt has also bought MiG-29 fighters from Russia.""";
		ArticleAnalysis a = this.analyzer.analyze("en", null, body, 2021, GAZETTEER);
		assertThat(a.transactions()).allSatisfy(t -> assertThat(t.items()).noneMatch(
				i -> i.entry().id().equals("system:mig-29")));
	}

	private ArticleAnalysis analyze(String body) {
		return this.analyzer.analyze(null, body, GAZETTEER);
	}

	private Transaction onlyTransaction(String body) {
		List<Transaction> transactions = analyze(body).transactions();
		assertThat(transactions).as("transactions in: %s", body).hasSize(1);
		return transactions.get(0);
	}

	private List<String> names(String body) {
		return analyze(body).names().stream().map(n -> n.entries().get(0).id()).toList();
	}

	private static @Nullable Party party(Transaction t, String id) {
		Optional<Party> party = t.parties().stream().filter(p -> p.primary().id().equals(id)).findFirst();
		return party.orElse(null);
	}

	private static @Nullable Role role(Transaction t, String id) {
		Party p = party(t, id);
		return (p != null) ? p.role() : null;
	}

	private static Gazetteer gazetteer() {
		Gazetteer.Builder builder = Gazetteer.builder();
		REFERENCE.registerInto(builder);
		return builder.build();
	}

}
