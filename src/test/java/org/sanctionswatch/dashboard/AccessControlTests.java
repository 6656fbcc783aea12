package org.sanctionswatch.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alertstore.AlertFilter;
import org.sanctionswatch.alertstore.AlertPage;
import org.sanctionswatch.alertstore.AlertStore;
import org.sanctionswatch.alertstore.AlertSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what, on the whole service over real HTTP with the configured users: every endpoint against
 * anonymous, VIEWER, ANALYST and ADMIN; CSRF on every state-changing request; a new session id at log-in; the
 * log-in throttle. The endpoints the application actually maps are read from its handler mappings, so that an
 * endpoint added without a line in the matrix fails the build instead of going out unreviewed.
 * <p>
 * The decisions behind the matrix:
 * <ul>
 * <li>Pages redirect an anonymous visitor to the log-in page; the API, the OpenAPI document and the actuator
 * answer 401 (scripts and tools, nothing to redirect). Only the log-in page, the static assets, the health
 * probes, info and the Prometheus scrape are public.</li>
 * <li>VIEWER reads everything the dashboard shows, and may dry-run an article (it publishes nothing).</li>
 * <li>ANALYST also triages; ADMIN also reads and reloads rules and lists, the actuator's metrics, and health
 * details (file paths, brokers and list sources are for ADMIN only). ADMIN may triage too: the roles nest.</li>
 * <li>Actuator endpoints that are not exposed answer 404 to ADMIN and are refused to everyone else.</li>
 * <li>The API is called here with HTTP Basic and no session, which is exempt from CSRF by design; the session
 * (form log-in) case is tested separately, with and without the token.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = { "sanctions-watch.topics.partitions=1", "server.shutdown=immediate",
		"logging.level.org.apache.kafka=WARN",
		"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after the class, so that the service's clients stop before the broker does
@DirtiesContext
class AccessControlTests {

	static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

	static {
		for (String user : List.of("viewer", "analyst", "admin", "locked", "forgetful", "mallory-target")) {
			PASSWORDS.put(user, user + "-" + UUID.randomUUID());
		}
	}

	private static final Map<String, String> ROLES = Map.of("viewer", "VIEWER", "analyst", "ANALYST", "admin", "ADMIN",
			"locked", "VIEWER", "forgetful", "VIEWER", "mallory-target", "ANALYST");

	static final String FIRING_BODY = "Vietnam signed a contract with Rosoboronexport for twelve Su-30MK2 fighters, officials said.";

	private static final String HTML = "text/html";

	private static final String JSON = "application/json";

	private static final String ANY = "*/*";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	AlertStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SanctionsWatchProperties properties;

	@Autowired
	PasswordEncoder passwordEncoder;

	/** Alerts by purpose: one to read, one per role to triage, one for the CSRF tests. */
	private final Map<String, AlertSummary> alerts = new LinkedHashMap<>();

	/** Swagger UI's files are also mapped under its version, which the matrix does not spell out. */
	private String swaggerUiVersion;

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		int i = 0;
		for (Map.Entry<String, String> user : PASSWORDS.entrySet()) {
			String prefix = "sanctions-watch.dashboard.users[" + i++ + "].";
			registry.add(prefix + "name", user::getKey);
			registry.add(prefix + "password", () -> "{bcrypt}" + bcrypt.encode(user.getValue()));
			registry.add(prefix + "roles", () -> ROLES.get(user.getKey()));
		}
	}

	@BeforeAll
	void seedAlerts() {
		this.swaggerUiVersion = mappedEndpoints().stream()
			.map(VERSION::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group().replace("/", ""))
			.findFirst()
			.orElse("none");
		List<String> purposes = List.of("read", "triage-anonymous", "triage-viewer", "triage-analyst", "triage-admin", "csrf");
		Map<String, String> articles = new LinkedHashMap<>();
		for (String purpose : purposes) {
			articles.put(purpose, "access-" + purpose + "-" + UUID.randomUUID());
		}
		articles.values().forEach(this::publish);
		articles.forEach((purpose, articleId) -> this.alerts.put(purpose, awaitStored(articleId)));
	}

	// ---- the matrix ----

	/** How a role is answered: a status, or "login" for a redirect to the log-in page, or "302:/path". */
	record Endpoint(String mapping, String method, String path, String accept, String body, String anonymous, String viewer,
			String analyst, String admin) {

		String expected(String role) {
			return switch (role) {
				case "anonymous" -> this.anonymous;
				case "viewer" -> this.viewer;
				case "analyst" -> this.analyst;
				default -> this.admin;
			};
		}

		boolean changesState() {
			return !"GET".equals(this.method);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private static Endpoint row(String mapping, String path, String accept, String anonymous, String viewer, String analyst,
			String admin) {
		String method = (mapping != null) ? mapping.split(" ", 2)[0] : "GET";
		// a mapping of every method is read with GET
		return new Endpoint(mapping, "ANY".equals(method) ? "GET" : method, path, accept, null, anonymous, viewer, analyst, admin);
	}

	private static Endpoint post(String mapping, String path, String body, String anonymous, String viewer, String analyst,
			String admin) {
		return new Endpoint(mapping, "POST", path, JSON, body, anonymous, viewer, analyst, admin);
	}

	/** A page: the log-in page for an anonymous visitor, the page for every role. */
	private static Endpoint page(String mapping, String path) {
		return row(mapping, path, HTML, "login", "200", "200", "200");
	}

	private static Endpoint read(String mapping, String path) {
		return row(mapping, path, JSON, "401", "200", "200", "200");
	}

	private static Endpoint adminOnly(String mapping, String path, String accept) {
		return row(mapping, path, accept, "401", "403", "403", "200");
	}

	private static Endpoint notExposed(String path) {
		return row(null, path, JSON, "401", "403", "403", "404");
	}

	private static Endpoint open(String mapping, String path, String accept) {
		return row(mapping, path, accept, "200", "200", "200", "200");
	}

	static final List<Endpoint> MATRIX = List.of(
			// pages: shells that draw themselves from the API
			page("GET /", "/"), page("GET /alerts/{alertId}", "/alerts/{alert}"), page("GET /cases/{caseId}", "/cases/{case}"),
			page("GET /stats", "/stats"), page("GET /dry-run", "/dry-run"),
			open("GET /login", "/login", HTML),
			// static assets: public, they hold nothing but the application's own code
			open("GET /**", "/css/app.css", ANY), open(null, "/js/common.js", ANY), open(null, "/favicon.svg", ANY),
			open("GET /webjars/**", "/webjars/chart.js/dist/chart.umd.js", ANY),
			// nothing else is public: an unknown path is a log-in page for a stranger, 404 for a user
			row(null, "/robots.txt", HTML, "login", "404", "404", "404"),
			// the error page renders errors of other requests; called directly it is an empty error, to anyone
			row("ANY /error", "/error", JSON, "500", "500", "500", "500"),
			// the JSON API
			read("GET /api/alerts", "/api/alerts"), read("GET /api/alerts/rules", "/api/alerts/rules"),
			read("GET /api/alerts/{alertId}", "/api/alerts/{alert}"),
			read("GET /api/alerts/{alertId}/decisions", "/api/alerts/{alert}/decisions"),
			read("GET /api/cases/{caseId}", "/api/cases/{case}"),
			read("GET /api/stats/alerts-per-day", "/api/stats/alerts-per-day"), read("GET /api/me", "/api/me"),
			read("GET /api/store/status", "/api/store/status"),
			row("GET /api/alerts/stream", "/api/alerts/stream", "text/event-stream", "401", "200", "200", "200"),
			post("POST /api/alerts/{alertId}/decisions", "/api/alerts/{triage}/decisions",
					"{\"action\":\"ACKNOWLEDGE\",\"comment\":\"Seen in the access-control test\"}", "401", "403", "201", "201"),
			post("POST /api/screen", "/api/screen", "{\"body\":\"" + FIRING_BODY + "\"}", "401", "200", "200", "200"),
			row(null, "/api/no-such-thing", JSON, "401", "404", "404", "404"),
			// administration
			adminOnly("GET /api/admin/rules", "/api/admin/rules", JSON),
			post("POST /api/admin/rules/reload", "/api/admin/rules/reload", null, "401", "403", "403", "200"),
			adminOnly("GET /api/admin/lists", "/api/admin/lists", JSON),
			post("POST /api/admin/lists/refresh", "/api/admin/lists/refresh", null, "401", "403", "403", "200"),
			// the OpenAPI document is for API users; the Swagger UI is a page
			read("GET /v3/api-docs", "/v3/api-docs"), row("GET /v3/api-docs.yaml", "/v3/api-docs.yaml", ANY, "401", "200", "200", "200"),
			read("GET /v3/api-docs/swagger-config", "/v3/api-docs/swagger-config"),
			row("GET /swagger-ui.html", "/swagger-ui.html", HTML, "login", "302:/swagger-ui/index.html",
					"302:/swagger-ui/index.html", "302:/swagger-ui/index.html"),
			page("GET /swagger-ui/*index.html", "/swagger-ui/index.html"),
			// its files behind the same log-in; not asked for as a page, so a stranger gets 401, not a redirect
			row("GET /swagger-ui/*swagger-initializer.js", "/swagger-ui/swagger-initializer.js", ANY, "401", "200", "200", "200"),
			row("GET /swagger-ui/**", "/swagger-ui/swagger-ui.css", ANY, "401", "200", "200", "200"),
			// Swagger UI's own files, under /webjars like every third-party asset: public, they hold no data
			open("GET /webjars/*swagger-ui/**", "/webjars/swagger-ui/swagger-ui.css", ANY),
			open("GET /webjars/*swagger-ui/*index.html", "/webjars/swagger-ui/index.html", ANY),
			open("GET /webjars/*swagger-ui/*swagger-initializer.js", "/webjars/swagger-ui/swagger-initializer.js", ANY),
			open("GET /webjars/*swagger-ui/{version}/*index.html", "/webjars/swagger-ui/{version}/index.html", ANY),
			open("GET /webjars/*swagger-ui/{version}/*swagger-initializer.js",
					"/webjars/swagger-ui/{version}/swagger-initializer.js", ANY),
			// actuator: probes and the scrape are public, health details and everything else are ADMIN's
			open("GET /actuator/health", "/actuator/health", JSON),
			open("GET /actuator/health/**", "/actuator/health/liveness", JSON), open(null, "/actuator/health/readiness", JSON),
			row(null, "/actuator/health/rules", JSON, "404", "404", "404", "200"),
			open("GET /actuator/info", "/actuator/info", JSON),
			open("GET /actuator/prometheus", "/actuator/prometheus", "text/plain"),
			adminOnly("GET /actuator", "/actuator", JSON), adminOnly("GET /actuator/metrics", "/actuator/metrics", JSON),
			adminOnly("GET /actuator/metrics/{requiredMetricName}", "/actuator/metrics/jvm.memory.used", JSON),
			notExposed("/actuator/env"), notExposed("/actuator/env/spring.datasource.password"),
			notExposed("/actuator/configprops"), notExposed("/actuator/heapdump"), notExposed("/actuator/threaddump"),
			notExposed("/actuator/beans"), notExposed("/actuator/loggers"), notExposed("/actuator/mappings"),
			notExposed("/actuator/conditions"), notExposed("/actuator/scheduledtasks"), notExposed("/actuator/sessions"),
			notExposed("/actuator/flyway"), notExposed("/actuator/caches"), notExposed("/actuator/startup"),
			notExposed("/actuator/sbom"), notExposed("/actuator/logfile"), notExposed("/actuator/auditevents"),
			notExposed("/actuator/httpexchanges"),
			post(null, "/actuator/shutdown", null, "401", "403", "403", "404"));

	static Stream<Arguments> matrix() {
		return MATRIX.stream()
			.flatMap((endpoint) -> Stream.of("anonymous", "viewer", "analyst", "admin")
				.map((role) -> Arguments.of(endpoint, role)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("matrix")
	void everyEndpointAnswersEveryRoleAsDecided(Endpoint endpoint, String role) {
		String path = endpoint.path()
			.replace("{version}", this.swaggerUiVersion)
			.replace("{alert}", this.alerts.get("read").alertId())
			.replace("{case}", this.alerts.get("read").caseId())
			.replace("{triage}", this.alerts.get("triage-" + role).alertId());
		String credentials = "anonymous".equals(role) ? null : role + ":" + PASSWORDS.get(role);
		String[] headers = (endpoint.body() != null) ? new String[] { "Content-Type", JSON } : new String[0];
		WebClientSession.Reply reply = WebClientSession.request(this.port, endpoint.method(), path, endpoint.body(),
				endpoint.accept(), credentials, headers);

		String expected = endpoint.expected(role);
		if ("login".equals(expected)) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(302);
			assertThat(reply.header("Location")).endsWith("/login");
		}
		else if (expected.startsWith("302:")) {
			assertThat(reply.status()).isEqualTo(302);
			assertThat(reply.header("Location")).endsWith(expected.substring(4));
		}
		else {
			assertThat(reply.status()).as(reply.body()).isEqualTo(Integer.parseInt(expected));
		}
		assertThat(reply.header("X-Content-Type-Options")).as("on every response").isEqualTo("nosniff");
		if (reply.status() / 100 == 2 && JSON.equals(endpoint.accept())) {
			assertThat(reply.header("Content-Type")).as("a JSON answer says so").startsWith(JSON);
			assertThat(reply.body()).matches("(?s)^[\\[{].*");
		}
		if (reply.status() / 100 == 2 && path.startsWith("/api/")) {
			assertThat(reply.header("Cache-Control")).as("alert data is not cached").contains("no-store");
		}
		if (endpoint.path().equals("/api/alerts/{triage}/decisions") && reply.status() >= 400) {
			assertThat(this.store.decisions(this.alerts.get("triage-" + role).alertId())).as("a refused decision").isEmpty();
		}
	}

	@Test
	void everyEndpointTheApplicationMapsIsInTheMatrix() {
		Set<String> mapped = mappedEndpoints().stream()
			.map((endpoint) -> VERSION.matcher(endpoint).replaceAll("/{version}/"))
			.collect(Collectors.toCollection(TreeSet::new));

		Set<String> inMatrix = new TreeSet<>();
		MATRIX.stream().map(Endpoint::mapping).filter((mapping) -> mapping != null).forEach(inMatrix::add);
		assertThat(mapped).as("endpoints that are mapped but not in the access matrix: add them, with what each role gets")
			.isSubsetOf(inMatrix);
		assertThat(inMatrix).as("matrix lines for endpoints that no longer exist").isSubsetOf(mapped);
	}

	private static final Pattern VERSION = Pattern.compile("/\\d+\\.\\d+\\.\\d+/");

	/** Every request mapping of every handler mapping, as "METHOD pattern" ("ANY" for a mapping of all methods). */
	private Set<String> mappedEndpoints() {
		Set<String> mapped = new TreeSet<>();
		this.context.getBeansOfType(AbstractHandlerMethodMapping.class).values().forEach((mapping) -> {
			for (Object info : mapping.getHandlerMethods().keySet()) {
				RequestMappingInfo request = (RequestMappingInfo) info;
				Set<String> methods = new TreeSet<>();
				request.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
				for (String pattern : request.getPatternValues()) {
					(methods.isEmpty() ? Set.of("ANY") : methods).forEach((method) -> mapped.add(method + " " + pattern));
				}
			}
		});
		this.context.getBeansOfType(AbstractUrlHandlerMapping.class)
			.values()
			.forEach((mapping) -> mapping.getHandlerMap().keySet().forEach((pattern) -> mapped.add("GET " + pattern)));
		this.context.getBeansOfType(RouterFunctionMapping.class)
			.values()
			.forEach((mapping) -> assertThat(mapping.getRouterFunction()).as("functional routes are not in the matrix").isNull());
		return mapped;
	}

	@Test
	void onlyTheDecidedActuatorEndpointsAreExposed() {
		Set<String> exposed = new TreeSet<>();
		this.context.getBean(PathMappedEndpoints.class).forEach((endpoint) -> exposed.add(endpoint.getRootPath()));
		assertThat(exposed).containsExactlyInAnyOrder("health", "info", "prometheus", "metrics");
	}

	@Test
	void healthDetailsAreForAdminOnly() {
		for (String role : List.of("anonymous", "viewer", "analyst")) {
			String credentials = "anonymous".equals(role) ? null : role + ":" + PASSWORDS.get(role);
			String body = WebClientSession.request(this.port, "GET", "/actuator/health", null, JSON, credentials).body();
			assertThat(body).as(role).contains("\"status\"").doesNotContain("components").doesNotContain("rulesetVersion");
		}
		String admin = WebClientSession.request(this.port, "GET", "/actuator/health", null, JSON, "admin:" + PASSWORDS.get("admin"))
			.body();
		assertThat(admin).contains("\"components\"").contains("rulesetVersion");
	}

	// ---- CSRF ----

	/** A state-changing request in a browser session: what answers it with the token. */
	record Change(String method, String path, String body, String session, int accepted) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static Stream<Change> stateChanging() {
		List<Change> changes = new ArrayList<>();
		for (Endpoint endpoint : MATRIX) {
			if (endpoint.changesState() && endpoint.mapping() != null) {
				changes.add(new Change(endpoint.method(), endpoint.path().replace("{triage}", "{csrf}"), endpoint.body(), "admin",
						Integer.parseInt(endpoint.admin())));
			}
		}
		// Spring Security's own: log-in (from an anonymous session) and log-out
		changes.add(new Change("POST", "/login", null, "anonymous", 302));
		changes.add(new Change("POST", "/logout", null, "admin", 302));
		return changes.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stateChanging")
	void aStateChangingRequestInASessionNeedsTheCsrfToken(Change change) {
		String path = change.path().replace("{csrf}", this.alerts.get("csrf").alertId());
		WebClientSession session = "anonymous".equals(change.session()) ? WebClientSession.atLoginPage(this.port)
				: WebClientSession.loggedIn(this.port, change.session(), PASSWORDS.get(change.session()));

		WebClientSession.Reply forged = "/login".equals(path)
				? session.submitLogin("admin", PASSWORDS.get("admin"), false)
				: send(session, change, path, false);
		assertThat(forged.status()).as("without the token: %s", forged.body()).isEqualTo(403);
		if (path.endsWith("/decisions")) {
			assertThat(this.store.decisions(this.alerts.get("csrf").alertId())).as("nothing decided").isEmpty();
		}
		if (!"/login".equals(path)) {
			assertThat(session.send("GET", "/api/me", null, JSON, false).status()).as("still logged in").isEqualTo(200);
		}

		WebClientSession.Reply accepted = "/login".equals(path) ? session.submitLogin("admin", PASSWORDS.get("admin"), true)
				: send(session, change, path, true);
		assertThat(accepted.status()).as("with the token: %s", accepted.body()).isEqualTo(change.accepted());
		if ("/logout".equals(path)) {
			assertThat(accepted.header("Location")).endsWith("/login?logout");
			assertThat(session.send("GET", "/api/me", null, JSON, false).status()).as("logged out").isEqualTo(401);
		}
		if ("/login".equals(path)) {
			assertThat(accepted.header("Location")).endsWith("/");
			assertThat(session.send("GET", "/api/me", null, JSON, false).body()).contains("\"admin\"");
		}
	}

	private static WebClientSession.Reply send(WebClientSession session, Change change, String path, boolean withToken) {
		String[] headers = (change.body() != null) ? new String[] { "Content-Type", JSON } : new String[0];
		// the log-out button is a form on a page
		String accept = "/logout".equals(path) ? HTML : JSON;
		return session.send(change.method(), path, change.body(), accept, withToken, headers);
	}

	@Test
	void everyStateChangingEndpointIsInTheCsrfTest() {
		List<String> tested = stateChanging().map(Change::toString).map((s) -> s.replace("{csrf}", "{triage}")).toList();
		MATRIX.stream()
			.filter((endpoint) -> endpoint.changesState() && endpoint.mapping() != null)
			.forEach((endpoint) -> assertThat(tested).contains(endpoint.toString()));
		assertThat(tested).contains("POST /api/alerts/{triage}/decisions", "POST /api/screen", "POST /api/admin/rules/reload",
				"POST /api/admin/lists/refresh", "POST /login", "POST /logout");
	}

	/**
	 * Basic credentials without a session cookie are exempt (they are not ambient: a browser never adds them by
	 * itself, the service never asks it to). With a session cookie the token is needed even alongside a Basic
	 * header: Spring Security takes a Basic header naming the session's own user at its word, without checking
	 * the password, so the header alone proves nothing.
	 */
	@Test
	void basicCredentialsExemptFromCsrfOnlyWithoutASessionCookie() {
		String body = "{\"body\":\"" + FIRING_BODY + "\"}";
		assertThat(WebClientSession
			.request(this.port, "POST", "/api/screen", body, JSON, "analyst:" + PASSWORDS.get("analyst"), "Content-Type", JSON)
			.status()).as("a script with Basic credentials").isEqualTo(200);

		WebClientSession session = WebClientSession.loggedIn(this.port, "analyst", PASSWORDS.get("analyst"));
		for (String password : List.of("a wrong guess", PASSWORDS.get("analyst"))) {
			WebClientSession.Reply reply = session.send("POST", "/api/screen", body, JSON, false, "Content-Type", JSON,
					"Authorization", WebClientSession.basic("analyst:" + password));
			assertThat(reply.status()).as("session cookie and a Basic header, no token").isEqualTo(403);
		}
		WebClientSession.Reply forged = session.send("POST", "/api/alerts/" + this.alerts.get("csrf").alertId() + "/decisions",
				"{\"action\":\"DISMISS\",\"comment\":\"forged\"}", JSON, false, "Content-Type", JSON, "Authorization",
				WebClientSession.basic("analyst:a wrong guess"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.store.decisions(this.alerts.get("csrf").alertId()))
			.noneMatch((decision) -> "forged".equals(decision.comment()));
	}

	// ---- session fixation ----

	@Test
	void logInIssuesANewSessionIdAndTheOldOneIsWorthNothing() {
		WebClientSession session = WebClientSession.atLoginPage(this.port);
		String before = session.sessionId();
		assertThat(before).as("the log-in page starts a session (it holds the CSRF token)").isNotNull();

		WebClientSession.Reply login = session.submitLogin("viewer", PASSWORDS.get("viewer"), true);
		assertThat(login.status()).isEqualTo(302);
		String after = session.sessionId();
		assertThat(after).isNotNull().isNotEqualTo(before);

		// an attacker who planted the pre-login id has nothing
		String planted = "SESSION=" + java.util.Base64.getEncoder().encodeToString(before.getBytes());
		assertThat(WebClientSession.request(this.port, "GET", "/api/me", null, JSON, null, "Cookie", planted).status())
			.isEqualTo(401);
		assertThat(WebClientSession.request(this.port, "GET", "/", null, HTML, null, "Cookie", planted).status()).isEqualTo(302);
		String current = "SESSION=" + java.util.Base64.getEncoder().encodeToString(after.getBytes());
		assertThat(WebClientSession.request(this.port, "GET", "/api/me", null, JSON, null, "Cookie", current).body())
			.contains("\"viewer\"");
		// the shared session store, which every replica reads, no longer knows the old id
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").params(before).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?")
			.params(after)
			.query(String.class)
			.single()).isEqualTo("viewer");
	}

	// ---- log-in throttling ----

	@Test
	void fiveFailuresLockAUserNameOutEvenWithTheRightPasswordOnEveryReplica() {
		String client = "198.51.100.1";
		for (int i = 0; i < 5; i++) {
			assertThat(basic("locked:wrong-" + i, client).status()).isEqualTo(401);
		}
		WebClientSession.Reply refused = basic("locked:" + PASSWORDS.get("locked"), client);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("Too many failed log-ins");

		// the log-in form, from another address, says why instead of "wrong password"
		WebClientSession browser = WebClientSession.atLoginPage(this.port, "X-Forwarded-For", "198.51.100.2");
		WebClientSession.Reply form = browser.submitLogin("locked", PASSWORDS.get("locked"), true, "X-Forwarded-For",
				"198.51.100.2");
		assertThat(form.status()).isEqualTo(302);
		assertThat(form.header("Location")).endsWith("/login?locked");
		assertThat(browser.send("GET", "/login?locked", null, HTML, false).body()).contains("Too many failed log-ins")
			.contains("15</span> minutes");
		assertThat(browser.send("GET", "/api/me", null, JSON, false).status()).isEqualTo(401);

		assertThat(basic("viewer:" + PASSWORDS.get("viewer"), client).status()).as("another user from that address")
			.isEqualTo(200);

		// the failures are in the shared database: another replica's provider refuses too, until the lock-out ends
		ThrottledAuthenticationProvider now = replica(Clock.systemUTC());
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> now.authenticate(attempt("locked", PASSWORDS.get("locked"))));
		ThrottledAuthenticationProvider later = replica(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
		assertThat(later.authenticate(attempt("locked", PASSWORDS.get("locked"))).getName()).isEqualTo("locked");
	}

	@Test
	void anAddressWithManyFailuresIsRefusedForEveryUserName() {
		int limit = this.properties.dashboard().loginThrottling().maxFailuresPerClient();
		for (int i = 0; i < limit; i++) {
			assertThat(basic("guess-" + i + ":wrong", "203.0.113.9").status()).isEqualTo(401);
		}
		assertThat(basic("mallory-target:" + PASSWORDS.get("mallory-target"), "203.0.113.9").status()).isEqualTo(429);
		assertThat(basic("mallory-target:" + PASSWORDS.get("mallory-target"), "203.0.113.10").status())
			.as("the same user from elsewhere").isEqualTo(200);
	}

	@Test
	void aSuccessfulLogInForgetsEarlierFailures() {
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(basic("forgetful:wrong", "198.51.100.7").status()).isEqualTo(401);
			}
			assertThat(basic("forgetful:" + PASSWORDS.get("forgetful"), "198.51.100.7").status()).isEqualTo(200);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE account = 'forgetful'").query(Long.class).single())
			.isZero();
	}

	private WebClientSession.Reply basic(String credentials, String client) {
		return WebClientSession.request(this.port, "GET", "/api/me", null, JSON, credentials, "X-Forwarded-For", client);
	}

	private ThrottledAuthenticationProvider replica(Clock clock) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(LoginConfiguration.users(this.properties));
		passwords.setPasswordEncoder(this.passwordEncoder);
		LoginThrottle throttle = new LoginThrottle(new LoginFailures(this.jdbc), this.properties.dashboard().loginThrottling());
		return new ThrottledAuthenticationProvider(passwords, throttle, clock);
	}

	private static UsernamePasswordAuthenticationToken attempt(String user, String password) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
		attempt.setDetails(new WebAuthenticationDetails("198.51.100.99", null));
		return attempt;
	}

	// ---- seeding ----

	private void publish(String articleId) {
		Map<String, String> article = new LinkedHashMap<>();
		article.put("id", articleId);
		article.put("title", "Hanoi orders more fighters");
		article.put("body", FIRING_BODY);
		article.put("url", "https://example.org/news/" + articleId);
		article.put("source", "access-control-test");
		article.put("publishedAt", "2026-03-02T08:00:00Z");
		article.put("language", "en");
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("news.articles", articleId, JsonMapper.shared().writeValueAsBytes(article)))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + articleId, ex);
		}
	}

	private AlertSummary awaitStored(String articleId) {
		AlertFilter byArticle = new AlertFilter(null, null, null, null, null, null, articleId);
		return await("alert for " + articleId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			AlertPage page = this.store.page(byArticle, null, 10);
			return page.alerts().isEmpty() ? null : page.alerts().get(0);
		}, (summary) -> summary != null);
	}

}
