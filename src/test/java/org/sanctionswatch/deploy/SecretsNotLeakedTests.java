package org.sanctionswatch.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanctionswatch.alertstore.AlertFilter;
import org.sanctionswatch.alertstore.AlertStore;
import org.sanctionswatch.alertstore.PostgresDatabase;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret the service is given ends up in its logs or its actuator answers: the Kafka SASL password, the
 * database password, a dashboard user's password and its hash, and what users type wrongly (a wrong password, a
 * password typed into the user-name field). The service runs against a SASL_PLAINTEXT broker and the PostgreSQL
 * server with a password, with the loggers that would print configurations switched on, through start-up,
 * screening, failed and successful log-ins, every exposed actuator endpoint read as ADMIN, and a start-up whose
 * Kafka credentials are refused. Every secret is searched for as it is and in base64.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "sanctions-watch.topics.partitions=1", "server.shutdown=immediate",
		// the loggers that print client and pool configurations, and the service's own debug output
		"logging.level.org.sanctionswatch=DEBUG", "logging.level.org.apache.kafka.common.config.AbstractConfig=INFO",
		"logging.level.com.zaxxer.hikari.HikariConfig=DEBUG",
		"logging.level.org.flywaydb=INFO" })
@DirtiesContext
class SecretsNotLeakedTests {

	static final String KAFKA_SECRET = "kafka-" + UUID.randomUUID();

	static final String DATABASE_SECRET = "database-" + UUID.randomUUID();

	static final String ADMIN_SECRET = "admin-" + UUID.randomUUID();

	static final String ADMIN_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ADMIN_SECRET);

	static final String WRONG_PASSWORD = "typo-" + UUID.randomUUID();

	static final String PASSWORD_AS_USER_NAME = "pasted-" + UUID.randomUUID();

	static final String WRONG_KAFKA_SECRET = "old-kafka-" + UUID.randomUUID();

	private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
			+ " username=\"%s\" password=\"%s\";";

	private static EmbeddedKafkaKraftBroker broker;

	private static PostgresDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	AlertStore store;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void startSaslBrokerAndDatabase() {
		database = PostgresDatabase.onLocalServer();
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		// the test kit names the client listener EXTERNAL; it also carries the broker's own connections
		broker.brokerProperties(Map.of("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
				"sasl.enabled.mechanisms", "PLAIN", "sasl.mechanism.inter.broker.protocol", "PLAIN",
				"listener.name.external.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\""
						+ " password=\"broker-pw\" user_broker=\"broker-pw\" user_screening=\"" + KAFKA_SECRET + "\";",
				// one broker: the service's transactions need a transaction log it can hold alone
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBrokerAndDatabase() {
		if (broker != null) {
			broker.destroy();
		}
		if (database != null) {
			database.close();
		}
	}

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> broker.getBrokersAsString());
		registry.add("spring.kafka.security.protocol", () -> "SASL_PLAINTEXT");
		registry.add("spring.kafka.properties.sasl.mechanism", () -> "PLAIN");
		registry.add("spring.kafka.properties.sasl.jaas.config", () -> JAAS.formatted("screening", KAFKA_SECRET));
		// the server trusts local connections, so any password is accepted: this one only has to be given
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> DATABASE_SECRET);
		registry.add("sanctions-watch.dashboard.users[0].name", () -> "admin");
		registry.add("sanctions-watch.dashboard.users[0].password", () -> ADMIN_HASH);
		registry.add("sanctions-watch.dashboard.users[0].roles", () -> "ADMIN");
	}

	@Test
	void noSecretInTheLogsOrTheActuatorAnswers(CapturedOutput output) throws Exception {
		String articleId = "secrets-" + UUID.randomUUID();
		publish(articleId);
		AlertFilter byArticle = new AlertFilter(null, null, null, null, null, null, articleId);
		await("alert for " + articleId).atMost(Duration.ofSeconds(60))
			.until(() -> !this.store.page(byArticle, null, 10).alerts().isEmpty());

		assertThat(get("/api/me", "admin:" + WRONG_PASSWORD).statusCode()).isEqualTo(401);
		assertThat(get("/api/me", PASSWORD_AS_USER_NAME + ":" + ADMIN_SECRET).statusCode()).isEqualTo(401);
		assertThat(form("admin", WRONG_PASSWORD)).isEqualTo(302);

		Map<String, String> answers = new LinkedHashMap<>();
		for (String path : readableAsAdmin()) {
			HttpResponse<String> response = get(path, "admin:" + ADMIN_SECRET);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			answers.put(path, response.body());
		}
		assertThat(answers).as("every metric read").hasSizeGreaterThan(40).containsKeys("/actuator/prometheus", "/actuator/metrics/hikaricp.connections",
				"/actuator/health/db");
		assertThat(answers.get("/actuator/health")).contains("PostgreSQL").contains("\"kafka\"");

		String refusedStartUp = startWithRefusedKafkaCredentials();
		assertThat(refusedStartUp).contains("Kafka authentication failed");

		String logs = output.getAll();
		// the scan looked where the secrets would be: the configurations were printed, masked
		assertThat(logs).contains("sasl.jaas.config = [hidden]").contains("HikariPool").contains("Kafka authentication failed");
		for (String secret : secrets()) {
			assertThat(logs).as("the logs").doesNotContain(secret);
			assertThat(refusedStartUp).as("the start-up failure").doesNotContain(secret);
			answers.forEach((path, body) -> assertThat(body).as(path).doesNotContain(secret));
		}
	}

	/** Each secret as it is, in base64, and inside a Basic header. */
	private static List<String> secrets() {
		List<String> forms = new ArrayList<>();
		for (String secret : List.of(KAFKA_SECRET, DATABASE_SECRET, ADMIN_SECRET, ADMIN_HASH.substring("{bcrypt}".length()),
				WRONG_PASSWORD, PASSWORD_AS_USER_NAME, WRONG_KAFKA_SECRET)) {
			forms.add(secret);
			forms.add(base64(secret));
		}
		forms.add(base64("admin:" + ADMIN_SECRET));
		forms.add(base64("admin:" + WRONG_PASSWORD));
		forms.add(base64(PASSWORD_AS_USER_NAME + ":" + ADMIN_SECRET));
		return forms;
	}

	/** Every exposed actuator endpoint (every metric and health component) and the administration API. */
	private List<String> readableAsAdmin() throws Exception {
		List<String> paths = new ArrayList<>(List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness", "/actuator/info", "/actuator/prometheus", "/actuator/metrics",
				"/api/admin/rules", "/api/admin/lists", "/v3/api-docs"));
		String health = get("/actuator/health", "admin:" + ADMIN_SECRET).body();
		Matcher components = Pattern.compile("\"components\":\\{(.*)").matcher(health);
		assertThat(components.find()).as(health).isTrue();
		for (String component : List.of("db", "kafka", "rules", "lists", "diskSpace", "ping", "ssl")) {
			if (health.contains("\"" + component + "\":{")) {
				paths.add("/actuator/health/" + component);
			}
		}
		String metrics = get("/actuator/metrics", "admin:" + ADMIN_SECRET).body();
		Matcher names = Pattern.compile("\"([a-z0-9_.]+)\"").matcher(metrics.substring(metrics.indexOf('[')));
		while (names.find()) {
			paths.add("/actuator/metrics/" + names.group(1));
		}
		return paths;
	}

	private String startWithRefusedKafkaCredentials() {
		StringBuilder failure = new StringBuilder();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withBean(KafkaCredentialsCheck.class)
			.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"spring.kafka.security.protocol=SASL_PLAINTEXT", "spring.kafka.properties.sasl.mechanism=PLAIN",
					"spring.kafka.properties.sasl.jaas.config=" + JAAS.formatted("screening", WRONG_KAFKA_SECRET))
			.run((context) -> {
				assertThat(context).hasFailed();
				java.io.StringWriter trace = new java.io.StringWriter();
				context.getStartupFailure().printStackTrace(new java.io.PrintWriter(trace));
				failure.append(trace);
			});
		return failure.toString();
	}

	private void publish(String articleId) throws Exception {
		Map<String, String> article = Map.of("id", articleId, "title", "Hanoi orders more fighters", "body",
				"Vietnam signed a contract with Rosoboronexport for twelve Su-30MK2 fighters, officials said.", "language", "en");
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				"security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
				JAAS.formatted("screening", KAFKA_SECRET));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("news.articles", articleId, JsonMapper.shared().writeValueAsBytes(article)))
				.get(30, TimeUnit.SECONDS);
		}
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + base64(credentials))
			.header("Accept", "application/json, text/plain;q=0.9")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form log-in with a wrong password, token and all, as a browser sends it. */
	private int form(String user, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new java.net.CookieManager())
			.build();
		String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		String body = "username=" + user + "&password=" + password + "&_csrf=" + token.group(1);
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
