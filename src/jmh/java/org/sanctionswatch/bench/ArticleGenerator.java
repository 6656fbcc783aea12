package org.sanctionswatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sanctionswatch.article.Article;

/**
 * Generates news articles of 2-8 KB, three in five in English and two in five in Russian: paragraphs about economy, politics, weather, technology, health and
 * sport, with people, firms, cities and figures. A controllable share of them also report an arms or energy
 * deal naming listed entities, weapon systems, countries and deal verbs, the way the wires write them; the
 * others exercise the engine on what it mostly sees, news that names nothing.
 * <p>
 * Its own SplitMix64 generator makes the output depend on the seed alone, not on the JDK.
 */
final class ArticleGenerator {

	static final int MIN_BYTES = 2048;

	static final int MAX_BYTES = 8192;

	private static final String[] FIRST = { "James", "Maria", "Ahmed", "Olga", "Wei", "Priya", "Carlos", "Fatima",
			"John", "Elena", "Kenji", "Amara", "David", "Sofia", "Mehmet", "Anna", "Lucas", "Yuki", "Peter", "Leila",
			"Thomas", "Ingrid", "Rahul", "Grace", "Miguel", "Hannah", "Samuel", "Chloe", "Daniel", "Nadia" };

	private static final String[] LAST = { "Smith", "Garcia", "Okafor", "Novak", "Chen", "Sharma", "Silva", "Haddad",
			"Miller", "Rossi", "Tanaka", "Mensah", "Brown", "Lindqvist", "Yilmaz", "Kowalski", "Martin", "Sato",
			"Jensen", "Rahimi", "Walker", "Berg", "Gupta", "Nguyen", "Torres", "Fischer", "Adeyemi", "Dubois",
			"Moreau", "Petrenko" };

	private static final String[] CITIES = { "London", "Frankfurt", "Toronto", "Nairobi", "Sydney", "Chicago",
			"Madrid", "Lagos", "Singapore", "Dublin", "Vienna", "Lisbon", "Oslo", "Auckland", "Denver", "Lyon",
			"Rotterdam", "Cape Town", "Montreal", "Melbourne" };

	private static final String[] FIRMS = { "Northwind Logistics", "Bluewater Capital", "Harbor Foods",
			"Greenfield Energy Partners", "Atlas Software", "Meridian Health", "Summit Retail Group", "Clearview Media",
			"Pioneer Mining", "Silverline Telecom", "Redwood Insurance", "Orion Pharmaceuticals", "Crestview Motors",
			"Lakeside Bank", "Evergreen Paper Mills" };

	private static final String[] ROLES = { "chief executive", "finance minister", "spokeswoman", "spokesman",
			"analyst", "economist", "mayor", "chief economist", "director", "professor", "union leader", "coach" };

	private static final String[] WEEKDAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };

	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };

	private static final String[][] TOPIC_SENTENCES = {
			// economy
			{ "Shares of {firm} rose {pct} percent in early trading in {city} after the company reported quarterly revenue of ${num} million.",
					"{person}, {role} at {firm}, said demand had held up better than expected despite higher borrowing costs.",
					"The central bank kept its benchmark rate at {pct} percent on {weekday}, citing persistent services inflation.",
					"Economists polled last week had expected growth of {pct} percent for the year, down from an earlier forecast.",
					"Retail sales fell in {month} as households cut back on clothing and electronics, official figures showed.",
					"Bond yields edged higher as investors weighed the prospect of fewer rate cuts in the second half.",
					"\"We are seeing a gradual cooling, not a collapse,\" {person} told a conference in {city}.",
					"The index of consumer confidence slipped for a third month, its lowest reading since {month} last year." },
			// politics
			{ "Lawmakers in {city} voted {num} to {small} to approve the budget after a night of negotiations.",
					"The opposition said the plan would raise costs for small businesses and pledged to challenge it in court.",
					"{person}, the {role}, told reporters on {weekday} that the coalition remained united on the main points.",
					"Turnout in the regional elections was estimated at {pct} percent, slightly above the previous vote.",
					"Critics accused the government of moving too slowly on housing, where rents have climbed for {small} years.",
					"A committee hearing scheduled for {month} will examine how the contracts for the new hospital were awarded.",
					"The mayor of {city} announced a review of public transport fares after weeks of protests." },
			// weather
			{ "Heavy rain flooded streets in {city} on {weekday}, and forecasters warned of more storms later in the week.",
					"Temperatures reached {small} degrees above the seasonal average, straining the power grid.",
					"Emergency services said {small} people had been evacuated from low-lying areas near the river.",
					"Farmers said the dry spell in {month} had cut yields of wheat and barley by as much as {pct} percent.",
					"The national weather service issued an amber warning for wind gusts of up to {num} kilometres an hour." },
			// technology
			{ "{firm} unveiled a new data centre outside {city}, its {small}th in the region, to meet demand for cloud services.",
					"The company said the facility would run on renewable power and employ about {num} people.",
					"Regulators opened an inquiry into whether app store rules had restricted competition, {person} said.",
					"Chip makers reported longer lead times for memory products as orders from server builders picked up.",
					"Researchers at the university in {city} published a study showing a cheaper way to recycle lithium batteries.",
					"\"Security has to be designed in from the start,\" said {person}, a {role} who advises several start-ups." },
			// health
			{ "Hospitals in {city} reported a rise in flu admissions, and officials urged older residents to get vaccinated.",
					"{firm} said its trial of a new asthma treatment met its main goal in {num} patients.",
					"Waiting times for routine surgery have fallen by {pct} percent since {month}, the health ministry said.",
					"Doctors' unions warned that staff shortages would worsen unless training places were expanded.",
					"A study of {num} adults found that regular walking cut the risk of heart disease by about a fifth." },
			// sport
			{ "{city} won {small}-{small} at home on {weekday}, with a late goal from {person} settling the match.",
					"The coach, {person}, said the team had shown character after a difficult start to the season.",
					"Tickets for the final sold out within {small} hours, organisers said.",
					"The marathon drew {num} runners, and the course record fell for the first time in a decade.",
					"Injuries have kept {small} first-team players out of training this week." } };

	private static final String[] TITLES = { "{firm} shares climb as quarterly revenue beats forecasts",
			"Central bank holds rates, signals patience on cuts", "Storms bring flooding to {city} as rain persists",
			"Lawmakers approve budget after overnight talks", "{firm} opens new data centre near {city}",
			"Flu admissions rise as hospitals brace for winter", "{city} edge rivals with late winner",
			"Regulators question app store rules", "Retail sales slip in {month} as shoppers cut back" };

	// ---- deal vocabulary: names the bundled reference data knows, and a few the OFAC and UN lists carry ----

	private static final String[][] BUYERS = { { "Turkey", "Ankara", "Turkish" }, { "India", "New Delhi", "Indian" },
			{ "Egypt", "Cairo", "Egyptian" }, { "Indonesia", "Jakarta", "Indonesian" },
			{ "Algeria", "Algiers", "Algerian" }, { "Vietnam", "Hanoi", "Vietnamese" }, { "Serbia", "Belgrade", "Serbian" },
			{ "Iran", "Tehran", "Iranian" }, { "China", "Beijing", "Chinese" }, { "Myanmar", "Naypyidaw", "Myanmar" } };

	private static final String[] SELLERS = { "Rosoboronexport", "Rostec", "Almaz-Antey", "United Aircraft Corporation",
			"Russian Helicopters", "Kalashnikov Concern", "Tactical Missiles Corporation", "Uralvagonzavod",
			"Sukhoi", "RSK MiG" };

	private static final String[] SYSTEMS = { "S-400", "S-300", "Su-35", "Su-30", "MiG-29", "Pantsir-S1", "Tor-M2",
			"Ka-226T", "Mi-17", "Igla-S", "Kornet-E", "Iskander-M" };

	private static final String[] LISTED = { "Mahan Air", "Bank Melli Iran", "Islamic Revolutionary Guard Corps",
			"Korea Mining Development Trading Corporation", "Gazprom Neft", "Sovcomflot" };

	private static final String[] DEAL_SENTENCES = {
			"{buyer} has signed a contract with {seller} for the delivery of {system} systems, {person}, a senior official, told reporters in {capital} on {weekday}.",
			"{seller} will supply {small} {system} to {buyer} under a deal worth ${amount} billion, according to people familiar with the matter.",
			"The {demonym} defence ministry confirmed the purchase of {system} from {seller} and said deliveries would begin in {month}.",
			"Officials in {capital} said talks with {seller} on the joint production of {system} components were well advanced.",
			"{buyer} agreed to buy a further batch of {system} from Russia, the state news agency reported, citing the procurement agency.",
			"Washington has warned that buying the {system} could expose {buyer} to sanctions under CAATSA.",
			"A shipment linked to {listed} was unloaded at a port near {capital}, according to satellite images reviewed by analysts.",
			"{listed} has been accused of helping {buyer} evade sanctions by arranging payments through front companies.",
			"{seller} delivered the first {system} battalion to {buyer} in {month}, the company said in a statement." };

	// ---- Russian articles: two in five, the share of the team's second sample, so that the benchmark pays for
	// Russian morphology as the service does ----

	static final double RUSSIAN_SHARE = 0.4;

	private static final String[] RU_PERSONS = { "Иван Петров", "Ольга Смирнова", "Сергей Кузнецов", "Анна Волкова",
			"Дмитрий Соколов", "Мария Попова", "Алексей Лебедев", "Елена Козлова", "Николай Новиков", "Татьяна Морозова" };

	private static final String[] RU_CITIES = { "Новосибирске", "Екатеринбурге", "Казани", "Самаре", "Омске",
			"Ростове-на-Дону", "Уфе", "Красноярске", "Перми", "Воронеже" };

	private static final String[] RU_FIRMS = { "«Северсталь»", "«Ростелеком»", "«Магнит»", "«Яндекс»", "«Аэрофлот»",
			"«Норникель»", "«МТС»", "«Сбербанк»", "«Лукойл»", "«Русал»" };

	private static final String[][] RU_TOPIC_SENTENCES = {
			{ "Акции компании {rufirm} подорожали на {pct}% на торгах в {rucity} после публикации квартальной отчетности.",
					"Центральный банк сохранил ключевую ставку на уровне {small}%, сославшись на устойчивую инфляцию в сфере услуг.",
					"По словам {ruperson}, спрос на продукцию компании оказался выше ожиданий, несмотря на рост стоимости кредитов.",
					"Розничные продажи в прошлом месяце снизились: покупатели сократили расходы на одежду и электронику.",
					"Аналитики ожидают замедления роста экономики до {pct}% по итогам года." },
			{ "Депутаты городской думы в {rucity} одобрили бюджет на следующий год после продолжительных обсуждений.",
					"Оппозиция заявила, что новый план повысит расходы малого бизнеса, и пообещала оспорить его в суде.",
					"Явка на региональных выборах составила около {small}0 процентов, сообщили в избирательной комиссии.",
					"Мэр пообещал пересмотреть тарифы на проезд в общественном транспорте после жалоб жителей." },
			{ "Сильные дожди подтопили улицы в {rucity}, синоптики предупредили о новых грозах до конца недели.",
					"Температура воздуха на {small} градусов превысила климатическую норму, нагрузка на энергосистему выросла.",
					"Спасатели эвакуировали {small}0 человек из низменных районов у реки, сообщили в региональном управлении МЧС.",
					"Аграрии сообщили, что засуха сократила урожай пшеницы и ячменя почти на четверть." },
			{ "Компания {rufirm} открыла новый центр обработки данных под {rucity} для облачных сервисов.",
					"Исследователи университета в {rucity} предложили более дешевый способ переработки литиевых батарей.",
					"«Безопасность должна закладываться с самого начала», — отметил {ruperson}, консультант нескольких стартапов.",
					"Производители микросхем сообщили об увеличении сроков поставки модулей памяти." },
			{ "Больницы в {rucity} фиксируют рост госпитализаций с гриппом, врачи призывают пожилых людей сделать прививку.",
					"Время ожидания плановых операций сократилось на {pct}%, сообщили в региональном минздраве.",
					"Исследование с участием {num} взрослых показало, что регулярная ходьба снижает риск болезней сердца." },
			{ "Хозяева поля в {rucity} победили со счетом {small}:{small}, решающий гол забил {ruperson} в концовке матча.",
					"Билеты на финал были распроданы за {small} часа, сообщили организаторы.",
					"Тренер команды {ruperson} отметил характер игроков после непростого начала сезона." } };

	private static final String[] RU_TITLES = { "Акции {rufirm} выросли после отчетности", "ЦБ сохранил ключевую ставку",
			"Ливни подтопили улицы в {rucity}", "Бюджет города принят после долгих споров", "Рост заболеваемости гриппом" };

	private static final String[][] RU_BUYERS = { { "Индия", "Индии", "индийская" }, { "Египет", "Египту", "египетская" },
			{ "Алжир", "Алжиру", "алжирская" }, { "Вьетнам", "Вьетнаму", "вьетнамская" }, { "Сербия", "Сербии", "сербская" },
			{ "Турция", "Турции", "турецкая" }, { "Мьянма", "Мьянме", "мьянманская" }, { "Иран", "Ирану", "иранская" } };

	private static final String[] RU_SELLERS_INSTRUMENTAL = { "«Рособоронэкспортом»", "«Ростехом»", "концерном «Алмаз-Антей»",
			"Объединенной авиастроительной корпорацией", "холдингом «Вертолеты России»", "концерном «Калашников»" };

	private static final String[] RU_SYSTEMS = { "С-400", "Су-35", "Су-30СМ", "МиГ-29", "«Панцирь-С1»", "Ми-17В-5",
			"Як-130", "Т-90С", "Ка-52" };

	private static final String[] RU_DEAL_SENTENCES = {
			"{rubuyer} подписала контракт с {ruseller} на поставку {rusystem}, сообщил журналистам {ruperson}.",
			"Россия передала {rubuyerdat} очередную партию {rusystem} в рамках межправительственного соглашения.",
			"Переговоры о закупке {rusystem} у {rusellergen} вышли на завершающую стадию, заявил {ruperson}.",
			"{rudemonym} сторона получила первые {rusystem}, поставленные по контракту с Россией.",
			"Вашингтон предупредил, что закупка {rusystem} может повлечь санкции по закону CAATSA.",
			"Поставки {rusystem} {rubuyerdat} начнутся в следующем году, сообщили в ФСВТС." };

	private long state;

	private final double mentionShare;

	private int serial;

	ArticleGenerator(long seed, double mentionShare) {
		if (mentionShare < 0 || mentionShare > 1) {
			throw new IllegalArgumentException("mention share must be within [0, 1], not " + mentionShare);
		}
		this.state = seed;
		this.mentionShare = mentionShare;
	}

	Article next() {
		int n = this.serial++;
		if (nextDouble() < RUSSIAN_SHARE) {
			return nextRussian(n);
		}
		boolean deal = nextDouble() < this.mentionShare;
		int target = MIN_BYTES + nextInt(MAX_BYTES - MIN_BYTES - 900);
		String[] topic = TOPIC_SENTENCES[nextInt(TOPIC_SENTENCES.length)];
		StringBuilder body = new StringBuilder(target + 800);
		int dealParagraph = deal ? nextInt(3) : -1;
		String[] buyer = BUYERS[nextInt(BUYERS.length)];
		for (int p = 0; bytes(body) < target; p++) {
			if (body.length() > 0) {
				body.append("\n\n");
			}
			boolean dealHere = p == dealParagraph || (deal && p > dealParagraph && nextInt(6) == 0);
			int sentences = 3 + nextInt(3);
			for (int s = 0; s < sentences; s++) {
				if (s > 0) {
					body.append(' ');
				}
				String template = dealHere ? pick(DEAL_SENTENCES) : pick(topic);
				body.append(fill(template, buyer));
			}
		}
		String title = deal ? fill(dealTitle(), buyer) : fill(pick(TITLES), buyer);
		return new Article("gen-" + n, title, body.toString(), "https://news.example.org/" + n, "bench",
				"2021-%02d-%02dT%02d:%02d:00Z".formatted(1 + nextInt(12), 1 + nextInt(28), nextInt(24), nextInt(60)),
				"en");
	}

	private Article nextRussian(int n) {
		boolean deal = nextDouble() < this.mentionShare;
		int target = MIN_BYTES + nextInt(MAX_BYTES - MIN_BYTES - 900);
		String[] topic = RU_TOPIC_SENTENCES[nextInt(RU_TOPIC_SENTENCES.length)];
		StringBuilder body = new StringBuilder(target + 800);
		int dealParagraph = deal ? nextInt(3) : -1;
		String[] buyer = RU_BUYERS[nextInt(RU_BUYERS.length)];
		// Cyrillic takes two bytes a letter: as many bytes as an English article, about half the characters
		for (int p = 0; bytes(body) < target; p++) {
			if (body.length() > 0) {
				body.append("\n\n");
			}
			boolean dealHere = p == dealParagraph || (deal && p > dealParagraph && nextInt(6) == 0);
			int sentences = 3 + nextInt(3);
			for (int s = 0; s < sentences; s++) {
				if (s > 0) {
					body.append(' ');
				}
				body.append(fill(dealHere ? pick(RU_DEAL_SENTENCES) : pick(topic), buyer));
			}
		}
		String title = deal ? fill("{rubuyer} и Россия: новый контракт на {rusystem}", buyer) : fill(pick(RU_TITLES), buyer);
		return new Article("gen-" + n, title, body.toString(), "https://news.example.org/" + n, "bench",
				"2021-%02d-%02dT%02d:%02d:00Z".formatted(1 + nextInt(12), 1 + nextInt(28), nextInt(24), nextInt(60)),
				"ru");
	}

	private String dealTitle() {
		return switch (nextInt(3)) {
			case 0 -> "{buyer} moves ahead with {system} purchase from {seller}";
			case 1 -> "{seller} says {system} deliveries to {buyer} on track";
			default -> "{demonym} officials defend {system} deal despite sanctions warnings";
		};
	}

	private String fill(String template, String[] buyer) {
		StringBuilder out = new StringBuilder(template.length() + 40);
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('{', i);
			if (open < 0) {
				out.append(template, i, template.length());
				break;
			}
			int close = template.indexOf('}', open);
			out.append(template, i, open);
			out.append(slot(template.substring(open + 1, close), buyer));
			i = close + 1;
		}
		return out.toString();
	}

	private String slot(String name, String[] buyer) {
		return switch (name) {
			case "person" -> pick(FIRST) + " " + pick(LAST);
			case "role" -> pick(ROLES);
			case "firm" -> pick(FIRMS);
			case "city" -> pick(CITIES);
			case "weekday" -> pick(WEEKDAYS);
			case "month" -> pick(MONTHS);
			case "pct" -> (1 + nextInt(9)) + "." + nextInt(10);
			case "num" -> String.valueOf(100 + nextInt(9900));
			case "small" -> String.valueOf(2 + nextInt(9));
			case "amount" -> (1 + nextInt(5)) + "." + nextInt(10);
			case "buyer" -> buyer[0];
			case "capital" -> buyer[1];
			case "demonym" -> buyer[2];
			case "seller" -> pick(SELLERS);
			case "system" -> pick(SYSTEMS);
			case "listed" -> pick(LISTED);
			case "ruperson" -> pick(RU_PERSONS);
			case "rucity" -> pick(RU_CITIES);
			case "rufirm" -> pick(RU_FIRMS);
			case "rubuyer" -> buyer[0];
			case "rubuyerdat" -> buyer[1];
			case "rudemonym" -> Character.toUpperCase(buyer[2].charAt(0)) + buyer[2].substring(1);
			case "ruseller" -> pick(RU_SELLERS_INSTRUMENTAL);
			case "rusellergen" -> "«Рособоронэкспорта»";
			case "rusystem" -> pick(RU_SYSTEMS);
			default -> throw new IllegalStateException("unknown slot {" + name + "}");
		};
	}

	private static int bytes(CharSequence s) {
		// the generated text is ASCII apart from rare quotes, so chars are close enough; exact for ASCII
		return s.toString().getBytes(StandardCharsets.UTF_8).length;
	}

	private String pick(String[] values) {
		return values[nextInt(values.length)];
	}

	private int nextInt(int bound) {
		return (int) ((nextLong() >>> 1) % bound);
	}

	private double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	// SplitMix64: tiny, fast, and fully specified here, so the corpus never changes with the JDK
	private long nextLong() {
		long z = (this.state += 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static List<Article> generate(long seed, int count, double mentionShare) {
		ArticleGenerator g = new ArticleGenerator(seed, mentionShare);
		List<Article> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(g.next());
		}
		return out;
	}

}
