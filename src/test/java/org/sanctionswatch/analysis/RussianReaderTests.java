package org.sanctionswatch.analysis;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.reference.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian sentences read by case and preposition, as Russian marks who does what. Written for these tests from
 * real deals; none quotes an article.
 */
class RussianReaderTests {

	private static final ReferenceData REFERENCE = ReferenceData.bundled();

	private static final Gazetteer GAZETTEER = gazetteer();

	private final ArticleAnalyzer analyzer = new ArticleAnalyzer(REFERENCE);

	@Test
	void theNominativeSubjectSellsAndTheDativeReceives() {
		Transaction t = onlyTransaction("Россия передала Сербии шесть истребителей МиГ-29.");
		assertThat(t.kinds()).containsExactly("delivery");
		assertThat(role(t, "country:RU")).isEqualTo(Role.SELLER);
		assertThat(role(t, "country:RS")).isEqualTo(Role.BUYER);
		assertThat(t.items()).extracting(i -> i.entry().id()).contains("system:mig-29");
	}

	@Test
	void inflectedNamesAreFoundUnderTheirDictionaryForm() {
		Transaction t = onlyTransaction("Индия подписала контракт с «Рособоронэкспортом» на поставку систем С‑400.");
		assertThat(role(t, "country:IN")).isEqualTo(Role.PARTNER);
		assertThat(role(t, "ref:rosoboronexport")).isEqualTo(Role.PARTNER);
		assertThat(party(t, "ref:rosoboronexport").mention().text()).isEqualTo("Рособоронэкспортом");
		assertThat(t.items()).extracting(i -> i.entry().id()).contains("system:s-400");
	}

	@Test
	void izAndUNameTheSellerAndDlyaTheRecipient() {
		Transaction from = onlyTransaction("Египет закупил у России партию вертолетов Ка-52.");
		assertThat(role(from, "country:EG")).isEqualTo(Role.BUYER);
		assertThat(role(from, "country:RU")).isEqualTo(Role.SELLER);
		Transaction forArmy = onlyTransaction("Из России доставлены бронемашины для армии Мали.");
		assertThat(role(forArmy, "country:RU")).isEqualTo(Role.SELLER);
		// "армия Мали" is Mali's armed forces, a body of its own
		assertThat(forArmy.parties()).filteredOn(p -> p.role() == Role.BUYER).extracting(Party::country)
			.containsExactly("ML");
	}

	@Test
	void theCaseTellsADestinationFromAPlace() {
		// "в Турцию" is to whom it goes; "в Турции" is only where something happens
		Transaction to = onlyTransaction("Россия начала поставки С-400 в Турцию.");
		assertThat(role(to, "country:TR")).isEqualTo(Role.BUYER);
		Transaction in = onlyTransaction("Россия начала поставки С-400 в Индию, сообщил источник в Турции.");
		assertThat(role(in, "country:IN")).isEqualTo(Role.BUYER);
		assertThat(party(in, "country:TR")).isNull();
	}

	@Test
	void theInstrumentalOfAPassiveIsItsAgent() {
		Transaction t = onlyTransaction("Истребители Су-30СМ поставлены Россией военно-воздушным силам Белоруссии.");
		assertThat(role(t, "country:RU")).isEqualTo(Role.SELLER);
		assertThat(role(t, "country:BY")).isEqualTo(Role.BUYER);
	}

	@Test
	void aCountryActsThroughTheBodyItOwnsInTheGenitive() {
		Transaction t = onlyTransaction("Министерство обороны Вьетнама получило от России первые самолеты Як-130.");
		assertThat(t.parties()).extracting(p -> p.primary().id()).contains("country:RU");
		assertThat(role(t, "country:RU")).isEqualTo(Role.SELLER);
		assertThat(t.parties()).filteredOn(p -> "VN".equals(p.country())).isNotEmpty()
			.allSatisfy(p -> assertThat(p.role()).isEqualTo(Role.BUYER));
	}

	@Test
	void whatAGoodIsReceivedIntoNamesItsRecipient() {
		Transaction into = onlyTransaction("Вторая партия истребителей Су-30СМ поступила на вооружение "
				+ "военно-воздушных сил Казахстана.");
		assertThat(role(into, "country:KZ")).isEqualTo(Role.BUYER);
		// a preposition of source before the owner is not a way in
		Transaction from = onlyTransaction("Россия закупила у министерства обороны Белоруссии партию танков Т-72.");
		assertThat(role(from, "country:BY")).isNotEqualTo(Role.BUYER);
	}

	@Test
	void whoeverTellsOfADeliveryTakesPartInIt() {
		Transaction t = onlyTransaction("Министерство обороны Египта сообщило о начале поставок истребителей Су-35.");
		assertThat(t.parties()).filteredOn(p -> "EG".equals(p.country())).isNotEmpty()
			.allSatisfy(p -> assertThat(p.role()).isEqualTo(Role.PARTNER));
	}

	@Test
	void aDealToldInARelativeClauseDescribesTheMainClausesNoun() {
		assertThat(analyze("Индийские военные показали истребители Су-30МКИ, которые Индия получила от России.")
			.transactions()).isEmpty();
		// unless the sentence's own verb is the deal too
		assertThat(analyze("Россия поставит Индии комплексы С-400, которые будут переданы в этом году.").transactions())
			.isNotEmpty();
	}

	@Test
	void aMarkerThatGovernsANounDatesTheNounNotTheVerb() {
		assertThat(analyze("Вслед за снарядами КНДР передала России реактивные системы залпового огня.").transactions())
			.isNotEmpty();
		assertThat(analyze("После покупки С-400 Турция была исключена из программы F-35.").transactions()).isEmpty();
	}

	@Test
	void aNegationAfterAnAsideStillNegates() {
		assertThat(analyze("Переговоров с Россией о покупке МиГ-35, как признают в Буэнос-Айресе, не ведется.")
			.transactions()).isEmpty();
	}

	@Test
	void negatedDeniedAndSpeculativeDealsAreNotTransactions() {
		assertThat(analyze("Сербия не будет покупать у России комплексы С-400.").transactions()).isEmpty();
		assertThat(analyze("Тегеран опроверг сообщения о передаче России беспилотников.").transactions()).isEmpty();
		assertThat(analyze("Индонезия может вернуться к идее закупки истребителей Су-35.").transactions()).isEmpty();
	}

	@Test
	void aDealDatedBeforeTheArticleIsHistory() {
		String body = "Контракт на поставку С-400 Индии был подписан в 2018 году.";
		assertThat(this.analyzer.analyze("ru", null, body, 2024, GAZETTEER).transactions()).isEmpty();
		// the same sentence in the year it happened is news; and a contract named by its year dates the contract only
		assertThat(this.analyzer.analyze("ru", null, body, 2018, GAZETTEER).transactions()).hasSize(1);
		assertThat(this.analyzer.analyze("ru", null, "Россия поставила Китаю последние Су-35 по контракту 2015 года.",
				2018, GAZETTEER).transactions()).hasSize(1);
	}

	@Test
	void anEnglishWordThatFoldsLikeARussianOneIsNotRead() {
		// "импорт" folds to "import", "но" to "no": in a Russian article neither is an English cue
		ArticleAnalysis a = analyze("Импорт зерна из России вырос, но цены снизились.");
		assertThat(a.judgements()).allSatisfy(j -> assertThat(j.word().text()).isNotEqualTo("но"));
		assertThat(a.transactions()).allSatisfy(t -> assertThat(t.items()).noneMatch(i -> i.entry().kind().isItem()
				&& i.entry().category().equals("arms")));
	}

	@Test
	void evidenceQuotesTheCyrillicText() {
		String body = "Вьетнам получил вторую пару фрегатов проекта «Гепард-3.9», построенных на Зеленодольском заводе.";
		ArticleAnalysis a = analyze(body);
		assertThat(a.names()).isNotEmpty()
			.allSatisfy(n -> assertThat(body.substring(n.span().start(), n.span().end())).isEqualTo(n.span().text()));
		assertThat(a.judgements())
			.allSatisfy(j -> assertThat(body.substring(j.word().start(), j.word().end())).isEqualTo(j.word().text()));
	}

	private ArticleAnalysis analyze(String body) {
		return this.analyzer.analyze("ru", null, body, 0, GAZETTEER);
	}

	private Transaction onlyTransaction(String body) {
		List<Transaction> transactions = analyze(body).transactions();
		assertThat(transactions).as("transactions in: %s", body).hasSize(1);
		return transactions.get(0);
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
