package org.sanctionswatch.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.sanctionswatch.alertstore.AlertFilter;
import org.sanctionswatch.alertstore.AlertPage;
import org.sanctionswatch.alertstore.AlertStore;
import org.sanctionswatch.alertstore.AlertSummary;
import org.sanctionswatch.alertstore.AlertTriaged;
import org.sanctionswatch.alertstore.TriageAction;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in headless Chromium against the whole service: articles go in through Kafka as a news feed
 * would send them, and come out as alerts on pages that are already open. Screenshots (1280x720) land in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = { "sanctions-watch.topics.partitions=1", "server.shutdown=immediate",
		// the store reports itself behind two seconds after a record goes unstored, rather than fifteen
		"sanctions-watch.dashboard.store.check-interval=PT1S", "sanctions-watch.dashboard.store.behind-after=PT2S",
		"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
// closed after the class, so that the service's clients stop before the broker does
@DirtiesContext
class DashboardBrowserTests {

	static final String ANALYST_PASSWORD = "analyst-" + UUID.randomUUID();

	static final String VIEWER_PASSWORD = "viewer-" + UUID.randomUUID();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.shared();

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private AlertStore store;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	private BrowserContext context;

	private final List<String> dialogs = new ArrayList<>();

	/** A rule pack as an analyst team could drop it into the rule directory, whose texts are hostile markup. */
	static final String HOSTILE_RULE_TITLE = "<img src=x onerror=\"window.__pwned='rule-title';alert('rule-title')\"> Talks on air defence";

	static final String HOSTILE_CITATION = "\"><svg onload=\"window.__pwned='citation';alert('citation')\"> CAATSA §231 <script>alert('c')</script>";

	private static final Path RULE_DIRECTORY = hostileRulePack();

	private static Path hostileRulePack() {
		try {
			Path directory = Files.createDirectories(Path.of("target", "browser-test-rules"));
			Files.writeString(directory.resolve("hostile-probe.yaml"), """
					pack: hostile-probe
					version: "1"
					title: "<script>window.__pwned='pack'</script>"
					description: "<img src=x onerror=alert('pack-description')>"
					rules:
					  - id: XSS-PROBE
					    title: %s
					    citation: %s
					    description: "<svg onload=alert('rule-description')>"
					    severity: low
					    when:
					      within: sentence
					      all:
					        - kind: [negotiation]
					        - party: {list: [caatsa-231-lsp]}
					        - party: {kind: [country], country: [RS]}
					    examples:
					      fire:
					        - Serbia is in talks with Rosoboronexport about more Pantsir-S1 systems.
					      quiet:
					        - Rosoboronexport opened an office in Belgrade.
					""".formatted(yamlQuoted(HOSTILE_RULE_TITLE), yamlQuoted(HOSTILE_CITATION)));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String yamlQuoted(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		registry.add("sanctions-watch.rules.directory", RULE_DIRECTORY::toString);
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		registry.add("sanctions-watch.dashboard.users[0].name", () -> "analyst");
		registry.add("sanctions-watch.dashboard.users[0].password", () -> "{bcrypt}" + bcrypt.encode(ANALYST_PASSWORD));
		registry.add("sanctions-watch.dashboard.users[0].roles", () -> "ANALYST");
		registry.add("sanctions-watch.dashboard.users[1].name", () -> "viewer");
		registry.add("sanctions-watch.dashboard.users[1].password", () -> "{bcrypt}" + bcrypt.encode(VIEWER_PASSWORD));
		registry.add("sanctions-watch.dashboard.users[1].roles", () -> "VIEWER");
	}

	@BeforeAll
	static void launchBrowser() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void closeContext(TestInfo test) {
		if (this.context != null) {
			// the page as the test left it: the picture to look at when a test fails
			this.context.pages().forEach((page) -> screenshot(page, "last-" + test.getTestMethod().orElseThrow().getName()));
			this.context.close();
		}
	}

	// ---- the tests ----

	@Test
	void anAlertAppearsLiveOnTheOpenDashboardAndOpensWithItsEvidenceHighlighted() {
		Page page = logIn("analyst", ANALYST_PASSWORD);
		awaitLive(page);
		page.evaluate("() => { window.__sameDocument = true; }");
		String id = "live-" + UUID.randomUUID();
		String title = "Ankara close to buying more S-400 systems from Moscow " + id.substring(5, 13);
		publish(id, title, SEED_BODY);

		Locator row = page.locator("#alert-rows tr", new Page.LocatorOptions().setHasText(title));
		row.waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(page.evaluate("() => window.__sameDocument")).as("no reload happened").isEqualTo(true);
		assertThat(row.locator(".badge").first().textContent()).isEqualTo("HIGH");
		screenshot(page, "1-alert-list-live");

		row.locator("a.row-title").click();
		Locator marks = page.locator("#article-body mark.evidence");
		marks.first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		List<String> highlighted = marks.allTextContents();
		assertThat(String.join(" ", highlighted)).contains("S-400").contains("Turkey");
		assertThat(SEED_BODY).contains(highlighted.get(0));
		assertThat(page.locator("#article-body").textContent()).isEqualTo(SEED_BODY);
		assertThat(page.locator(".citation").first().textContent()).contains("9525");
		assertThat(page.locator("#matches tbody tr").count()).isPositive();
		assertThat(page.locator("#case-link").textContent()).startsWith("Case: ");
		screenshot(page, "2-alert-detail-evidence");

		page.locator("#case-link").click();
		page.locator("#case-alerts tbody tr").first().waitFor();
		assertThat(page.locator("#case-alerts").textContent()).contains(id);
		screenshot(page, "3-case");
	}

	@Test
	void aRussianArticleIsShownInCyrillicWithItsEvidenceHighlighted() {
		Page page = logIn("analyst", ANALYST_PASSWORD);
		awaitLive(page);
		String id = "ru-" + UUID.randomUUID();
		String marker = id.substring(3, 11);
		// no language tag: screening tells Russian from the text
		publish(id, "Вьетнам получил новые самолеты " + marker, RUSSIAN_BODY, null);
		Locator row = page.locator("#alert-rows tr", new Page.LocatorOptions().setHasText(marker));
		row.waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		row.locator("a.row-title").click();
		Locator marks = page.locator("#article-body mark.evidence");
		marks.first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(page.locator("#article-body").textContent()).isEqualTo(RUSSIAN_BODY);
		assertThat(page.locator("#article-body").getAttribute("lang")).isEqualTo("ru");
		assertThat(page.locator("#article-language").textContent()).contains("ru");
		List<String> highlighted = marks.allTextContents();
		assertThat(highlighted).isNotEmpty().allSatisfy(h -> assertThat(RUSSIAN_BODY).contains(h));
		// an evidence sentence is marked in pieces around the names inside it
		assertThat(String.join("", highlighted)).contains("«Рособоронэкспортом»");
		// the matched names are listed as the text spells them, inflection and all
		assertThat(page.locator("#matches").textContent()).contains("Рособоронэкспортом");
		screenshot(page, "2b-alert-detail-russian");
	}

	@Test
	void anAnalystTriagesAnAlertAndTheDecisionIsPublishedAsACloudEvent() throws Exception {
		AlertSummary alert = publishAndAwaitStored("triage-" + UUID.randomUUID(), null, FIRING_BODY);
		Page page = logIn("analyst", ANALYST_PASSWORD);
		page.navigate(url("/alerts/" + alert.alertId()));
		page.locator("#comment").fill("Confirmed by the ministry's statement; escalating to compliance.");
		page.locator("button[data-action=ESCALATE]").click();
		page.locator("#trail li").first().waitFor();
		assertThat(page.locator("#trail").textContent()).contains("analyst").contains("escalate")
			.contains("Confirmed by the ministry's statement");
		assertThat(page.locator("#status").textContent()).isEqualTo("Escalated");
		assertThat(page.locator("button[data-action=ESCALATE]").isDisabled()).isTrue();
		screenshot(page, "4-alert-triaged");

		ConsumerRecord<String, byte[]> event = decisionEventFor(alert.alertId());
		AlertTriaged decision = json.readValue(event.value(), AlertTriaged.class);
		assertThat(decision.action()).isEqualTo(TriageAction.ESCALATE);
		assertThat(decision.actor()).isEqualTo("analyst");
		assertThat(decision.comment()).startsWith("Confirmed by the ministry's statement");
		assertThat(event.key()).isEqualTo(alert.alertId());
		assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(event, "ce_type")).isEqualTo("org.sanctionswatch.alert.triaged.v1");
		assertThat(header(event, "ce_source")).isEqualTo("urn:sanctions-watch:dashboard");
		assertThat(header(event, "ce_id")).isEqualTo(decision.decisionId());
		assertThat(header(event, "ce_subject")).isEqualTo(alert.alertId());
		assertThat(header(event, "content-type")).isEqualTo("application/json");
		assertThat(this.store.decisions(alert.alertId())).containsExactly(decision);
	}

	@Test
	void scriptInAnArticleTitleAndBodyIsShownAsTextAndRunsNothing() {
		Page page = logIn("analyst", ANALYST_PASSWORD);
		awaitLive(page);
		String id = "hostile-" + UUID.randomUUID();
		String title = "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='title-img';alert(1)\">"
				+ " Belgrade buys Pantsir " + id.substring(8, 16);
		String body = "Serbia signed a contract with Rosoboronexport for a battery of Pantsir-S1 air defence systems. "
				+ "<script>window.__pwned='body'</script> <img src=x onerror=\"window.__pwned='body-img';alert(2)\"> "
				+ "<svg onload=\"window.__pwned='svg'\"></svg> <a href=\"javascript:alert(3)\">more</a>";
		publish(id, title, body);

		Locator row = page.locator("#alert-rows tr", new Page.LocatorOptions().setHasText(id.substring(8, 16)));
		row.waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(row.locator("a.row-title").textContent()).isEqualTo(title);
		assertThat(page.locator("#alert-rows img, #alert-rows script, #alert-rows svg").count()).isZero();
		screenshot(page, "5-hostile-article-list");

		row.locator("a.row-title").click();
		page.locator("#article-body mark.evidence").first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(page.locator("#article-body").textContent()).isEqualTo(body);
		assertThat(page.locator("#article-title").textContent()).isEqualTo(title);
		assertThat(page.locator("#alert-root img, #alert-root script, #alert-root svg, #alert-root a[href^=javascript]").count())
			.isZero();
		page.waitForTimeout(500);
		assertThat(page.evaluate("() => window.__pwned")).as("script run by the article").isNull();
		assertThat(this.dialogs).as("dialogs opened by the article").isEmpty();
		screenshot(page, "6-hostile-article-detail");
	}

	/**
	 * Everything that reaches a page from outside: the article's source and a javascript: link, the texts of a
	 * rule pack from the rule directory, and a triage comment. Each is shown as the text it is, on the list, the
	 * alert, its audit trail, the case and the dry run, and none of them runs or links to a script.
	 */
	@Test
	void hostileRuleTextsSourcesLinksAndTriageCommentsAreShownAsTextAndRunNothing() {
		Page page = logIn("analyst", ANALYST_PASSWORD);
		awaitLive(page);
		String id = "probe-" + UUID.randomUUID();
		String marker = id.substring(6, 14);
		String title = "\"><svg onload=\"window.__pwned='title';alert('title')\"> Belgrade talks " + marker;
		String source = "<img src=x onerror=\"window.__pwned='source';alert('source')\">Wire";
		String body = "Serbia is in talks with Rosoboronexport about a second battery of Pantsir-S1 air defence systems.";
		publish(id, title, body, "  JaVaScRiPt:window.__pwned='url';alert('url')", source);

		Locator row = page.locator("#alert-rows tr", new Page.LocatorOptions().setHasText(marker))
			.filter(new Locator.FilterOptions().setHasText("XSS-PROBE"));
		row.waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(row.locator("a.row-title").textContent()).isEqualTo(title);
		assertThat(row.locator("td[title]").first().getAttribute("title")).isEqualTo(HOSTILE_RULE_TITLE);
		assertInert(page, "#alert-rows");
		screenshot(page, "10-hostile-rule-list");

		row.locator("a.row-title").click();
		page.locator("#article-body mark.evidence").first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
		assertThat(page.locator("#article-title").textContent()).isEqualTo(title);
		assertThat(page.locator(".citation").textContent()).isEqualTo(HOSTILE_CITATION);
		assertThat(page.locator("#alert-root").textContent()).contains(HOSTILE_RULE_TITLE).contains(source);
		assertThat(page.locator("#alert-root a", new Page.LocatorOptions().setHasText("source")).count())
			.as("no link for a javascript: URL").isZero();

		String comment = "<script>window.__pwned='comment'</script><img src=x onerror=\"alert('comment')\"> "
				+ "\"><svg onload=alert('comment')> <a href=\"javascript:alert('comment')\">see</a>";
		page.locator("#comment").fill(comment);
		page.locator("button[data-action=ESCALATE]").click();
		page.locator("#trail li").first().waitFor();
		assertThat(page.locator("#trail .comment").first().textContent()).isEqualTo(comment);
		assertInert(page, "#alert-root");
		screenshot(page, "11-hostile-rule-and-comment");

		page.locator("#case-link").click();
		page.locator("#case-alerts tbody tr").first().waitFor();
		assertThat(page.locator("main").textContent()).contains(HOSTILE_RULE_TITLE).contains(title);
		assertInert(page, "main");

		page.navigate(url("/dry-run"));
		page.locator("#dr-body").fill(body);
		page.locator("#dry-run button[type=submit]").click();
		Locator result = page.locator(".dry-run-alert", new Page.LocatorOptions().setHasText("XSS-PROBE"));
		result.waitFor();
		assertThat(result.textContent()).contains(HOSTILE_RULE_TITLE).contains(HOSTILE_CITATION);
		assertInert(page, "main");
		screenshot(page, "12-hostile-rule-dry-run");
	}

	/** No element the hostile texts name, no javascript: link, no script run, no dialog. */
	private void assertInert(Page page, String root) {
		assertThat(page.locator(root + " img, " + root + " script, " + root + " svg, " + root + " iframe").count())
			.as("elements made from text under %s", root).isZero();
		assertThat(page.evaluate("() => [...document.querySelectorAll('a[href], [src], [action], [formaction]')]"
				+ ".filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || e.getAttribute('formaction') || '')).length"))
			.as("javascript: links").isEqualTo(0);
		page.waitForTimeout(300);
		assertThat(page.evaluate("() => window.__pwned")).as("script run by a hostile text").isNull();
		assertThat(this.dialogs).as("dialogs opened by a hostile text").isEmpty();
	}

	@Test
	void aViewerSeesAlertsButCannotTriage() {
		AlertSummary alert = publishAndAwaitStored("viewer-" + UUID.randomUUID(), null, FIRING_BODY);
		Page page = logIn("viewer", VIEWER_PASSWORD);
		page.navigate(url("/alerts/" + alert.alertId()));
		page.locator("#read-only").waitFor();
		assertThat(page.locator("button[data-action]").count()).isZero();
		assertThat(page.locator("#article-body mark.evidence").count()).isPositive();
		// the page offers nothing, and the server refuses what a crafted request asks for
		Object status = page.evaluate("""
				async (alertId) => {
					const token = document.querySelector('meta[name=_csrf]').content;
					const header = document.querySelector('meta[name=_csrf_header]').content;
					const response = await fetch('/api/alerts/' + alertId + '/decisions', { method: 'POST',
						headers: { 'Content-Type': 'application/json', [header]: token },
						body: JSON.stringify({ action: 'DISMISS', comment: 'not mine to decide' }) });
					return response.status;
				}""", alert.alertId());
		assertThat(status).isEqualTo(403);
		assertThat(this.store.decisions(alert.alertId())).isEmpty();
		screenshot(page, "7-viewer-read-only");
	}

	@Test
	void theDryRunPageShowsWhatWouldFireAndTheStatisticsChartDrawsAlertsPerDay() {
		publishAndAwaitStored("stats-" + UUID.randomUUID(), null, FIRING_BODY);
		Page page = logIn("analyst", ANALYST_PASSWORD);
		page.navigate(url("/dry-run"));
		page.locator("#dr-body").fill(FIRING_BODY);
		page.locator("#dry-run button[type=submit]").click();
		Locator result = page.locator(".dry-run-alert").first();
		result.waitFor();
		assertThat(result.textContent()).contains("CAATSA-231").contains("Rosoboronexport");
		assertThat(result.locator("mark.evidence").count()).isPositive();
		screenshot(page, "8-dry-run");

		page.navigate(url("/stats"));
		page.locator("#per-day-table tbody tr").first().waitFor();
		assertThat(page.locator("#per-day-table").textContent()).contains("CAATSA-231");
		assertThat(page.evaluate("() => window.Chart.getChart('per-day').data.datasets.length")).isNotEqualTo(0);
		screenshot(page, "9-statistics");
	}

	@Test
	void theAlertListSaysSoWhileTheStoreIsBehind() {
		Page page = logIn("viewer", VIEWER_PASSWORD);
		Locator banner = page.locator("#store-banner");
		assertThat(banner.isHidden()).as("no banner while the store keeps up").isTrue();
		// the store consumer stopped in this, the only replica: alerts are published but no longer stored
		MessageListenerContainer storeConsumer = this.listeners.getListenerContainer("dashboard-store");
		storeConsumer.stop();
		try {
			String id = "behind-" + UUID.randomUUID();
			publish(id, "Hanoi orders more fighters " + id.substring(7, 15), FIRING_BODY);
			// the page asks for the store's status every ten seconds
			banner.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(WAIT.toMillis()));
			assertThat(banner.textContent()).contains("The alert store is behind").contains("not stored yet")
				.contains("may be missing recent alerts").doesNotContain("null").doesNotContain("undefined");
			assertThat(Integer.parseInt(banner.getAttribute("data-lag"))).isPositive();
			assertThat(banner.locator("script, img, svg").count()).isZero();
			screenshot(page, "10-store-behind-banner");
		}
		finally {
			storeConsumer.start();
		}
		// caught up, committed past the alert transaction's commit marker too, the banner goes
		banner.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN).setTimeout(WAIT.toMillis()));
	}

	@Test
	void loginIsRequiredAndResponsesCarryTheSecurityHeaders() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> dashboard = http.send(
				HttpRequest.newBuilder(URI.create(url("/"))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(dashboard.statusCode()).isEqualTo(302);
		assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(get(http, "/api/alerts", null).statusCode()).isEqualTo(401);
		assertThat(get(http, "/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get(http, "/api/alerts", "viewer:wrong").statusCode()).isEqualTo(401);

		HttpResponse<String> page = get(http, "/login", null);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

		HttpResponse<String> openApi = get(http, "/v3/api-docs", "viewer:" + VIEWER_PASSWORD);
		assertThat(openApi.statusCode()).isEqualTo(200);
		assertThat(openApi.body()).contains("/api/alerts/{alertId}/decisions").contains("/api/screen");
		HttpResponse<String> dryRun = http.send(HttpRequest.newBuilder(URI.create(url("/api/screen")))
			.header("Authorization", basic("viewer:" + VIEWER_PASSWORD))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + FIRING_BODY + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat(dryRun.body()).contains("CAATSA-231");

		// a browser session without the CSRF token is refused
		Page browser = logIn("analyst", ANALYST_PASSWORD);
		Object withoutToken = browser.evaluate("""
				async () => (await fetch('/api/screen', { method: 'POST', headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ body: 'Serbia bought Pantsir-S1 systems from Russia.' }) })).status""");
		assertThat(withoutToken).isEqualTo(403);
		screenshot(browser, "0-alert-list");
	}

	// ---- helpers ----

	// written for this test: Vietnam's Yak-130 trainers from Irkut, in Russian
	private static final String RUSSIAN_BODY = "ХАНОЙ, 12 марта. /Корр. «Восток-Инфо»/. ВВС Вьетнама получили первую партию "
			+ "учебно-боевых самолетов Як-130 по контракту, подписанному с «Рособоронэкспортом», сообщили в министерстве "
			+ "обороны республики.\n\nСамолеты прибыли на авиабазу Фанранг.";

	static final String SEED_BODY = """
			Turkey's top defence-procurement official says Ankara and Moscow are close to a contract for a second \
			batch of S-400 air defence systems.

			The open questions concern joint production of missile parts in Turkey and the sharing of technology, \
			he told journalists in Ankara on Friday.""";

	static final String FIRING_BODY = "Vietnam signed a contract with Rosoboronexport for twelve Su-30MK2 fighters, officials said.";

	private Page logIn(String user, String password) {
		this.context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720).setLocale("en-GB"));
		this.context.setDefaultTimeout(30_000);
		Page page = this.context.newPage();
		// what the page's scripts complain about (CSP violations included) ends up in the test's output
		page.onConsoleMessage((message) -> System.out.println("[browser " + message.type() + "] " + message.text()));
		page.onDialog((dialog) -> {
			this.dialogs.add(dialog.message());
			dialog.dismiss();
		});
		page.navigate(url("/"));
		assertThat(page.url()).endsWith("/login");
		page.locator("#username").fill(user);
		page.locator("#password").fill(password);
		if ("analyst".equals(user)) {
			screenshot(page, "00-login");
		}
		page.locator("button[type=submit]").click();
		page.waitForLoadState(LoadState.DOMCONTENTLOADED);
		page.locator("#user-name").waitFor();
		assertThat(page.locator("#user-name").textContent()).isEqualTo(user);
		return page;
	}

	private static void awaitLive(Page page) {
		page.locator("#live.on").waitFor(new Locator.WaitForOptions().setTimeout(WAIT.toMillis()));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")));
	}

	private HttpResponse<String> get(HttpClient http, String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private void publish(String id, String title, String body) {
		publish(id, title, body, "https://example.org/news/" + id, "browser-test");
	}

	private void publish(String id, String title, String body, String language) {
		publish(id, title, body, "https://example.org/news/" + id, "browser-test", language);
	}

	private void publish(String id, String title, String body, String articleUrl, String source) {
		publish(id, title, body, articleUrl, source, "en");
	}

	private void publish(String id, String title, String body, String articleUrl, String source, String language) {
		Map<String, String> article = new LinkedHashMap<>();
		article.put("id", id);
		if (title != null) {
			article.put("title", title);
		}
		article.put("body", body);
		article.put("url", articleUrl);
		article.put("source", source);
		article.put("publishedAt", "2026-03-02T08:00:00Z");
		if (language != null) {
			article.put("language", language);
		}
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("news.articles", id, json.writeValueAsBytes(article))).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + id, ex);
		}
	}

	private AlertSummary publishAndAwaitStored(String id, String title, String body) {
		publish(id, title, body);
		AlertFilter byArticle = new AlertFilter(null, null, null, null, null, null, id);
		return await("alert for " + id + " in the store").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			AlertPage page = this.store.page(byArticle, null, 10);
			return page.alerts().isEmpty() ? null : page.alerts().get(0);
		}, (summary) -> summary != null);
	}

	private ConsumerRecord<String, byte[]> decisionEventFor(String alertId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("sanctions.alert-decisions"));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await("decision event for " + alertId).atMost(WAIT).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (alertId.equals(record.key())) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
