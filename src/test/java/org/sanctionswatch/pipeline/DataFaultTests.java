package org.sanctionswatch.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.alert.AlertRaised;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Bad reference data on a running service, end to end: articles in through Kafka, alerts out, and what an
 * operator sees on {@code /actuator/health}. A sanctions list file that is truncated or malformed leaves the
 * previous version serving, and health says which source and why; a rule file that is refused leaves the
 * previous rules serving, with file, line and cause in health and in the log, until a fixed file replaces it.
 * The list and rule fixtures are written here, in a temporary directory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(locations = ScreeningPipelineScenarios.PROPERTIES,
		properties = { "sanctions-watch.topics.partitions=1", "sanctions-watch.rules.poll-interval=200ms" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class DataFaultTests {

	private static final String ADMIN = "data-fault-admin";

	private static final String PASSWORD = UUID.randomUUID().toString();

	// An invented shipping company and an invented trading house: only the lists below know them
	private static final String SDN_CSV = """
			90101,"LANTERN BAY SHIPPING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Invented for a test of stale lists."
			90102,"ORCHID STRAIT HOLDINGS",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Invented as well; Linked To: LANTERN BAY SHIPPING LLC."
			""";

	private static final String ALT_CSV = """
			90101,90201,"aka","LANTERN BAY SHIPPING",-0-\s
			""";

	private static final String UN_XML = """
			<?xml version="1.0" encoding="UTF-8"?>
			<CONSOLIDATED_LIST dateGenerated="2026-11-01T00:00:00.000Z">
			  <INDIVIDUALS/>
			  <ENTITIES>
			    <ENTITY>
			      <DATAID>990001</DATAID>
			      <VERSIONNUM>1</VERSIONNUM>
			      <FIRST_NAME>COPPER FJORD TRADING COMPANY</FIRST_NAME>
			      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
			      <REFERENCE_NUMBER>KPe.990</REFERENCE_NUMBER>
			      <LISTED_ON>2026-01-01</LISTED_ON>
			      <COMMENTS1>Invented for a test of stale lists.</COMMENTS1>
			      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
			    </ENTITY>
			  </ENTITIES>
			</CONSOLIDATED_LIST>
			""";

	@TempDir
	static Path data;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.shared();

	@DynamicPropertySource
	static void dataSources(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(ofac());
		Files.writeString(ofac().resolve("sdn.csv"), SDN_CSV);
		Files.writeString(ofac().resolve("alt.csv"), ALT_CSV);
		Files.createDirectories(un().getParent());
		Files.writeString(un(), UN_XML);
		Files.createDirectories(rules());
		Files.writeString(rules().resolve("local.yaml"), pack(rule("LOCAL-SALE", "sale")));
		registry.add("sanctions-watch.lists.sources[0].id", () -> "ofac-sdn");
		registry.add("sanctions-watch.lists.sources[0].format", () -> "ofac-sdn-csv");
		registry.add("sanctions-watch.lists.sources[0].location", () -> ofac().toString());
		registry.add("sanctions-watch.lists.sources[1].id", () -> "un");
		registry.add("sanctions-watch.lists.sources[1].format", () -> "un-consolidated-xml");
		registry.add("sanctions-watch.lists.sources[1].location", () -> un().toString());
		registry.add("sanctions-watch.rules.directory", () -> rules().toString());
		registry.add("sanctions-watch.dashboard.users[0].name", () -> ADMIN);
		registry.add("sanctions-watch.dashboard.users[0].password",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
		registry.add("sanctions-watch.dashboard.users[0].roles", () -> "ADMIN");
	}

	@Test
	void aBrokenListFileLeavesThePreviousVersionServingAndHealthSaysWhichAndWhy() throws Exception {
		assertThat(screen("Serbia signed a contract with Lantern Bay Shipping for the delivery of two tankers."))
			.contains("SDN-MATCH");
		assertThat(lists().path("status").asString()).isEqualTo("UP");
		String sdn = Files.readString(ofac().resolve("sdn.csv"));
		String un = Files.readString(un());
		try {
			// Cut inside the second record's quoted name, as an interrupted download leaves it
			Files.writeString(ofac().resolve("sdn.csv"), sdn.substring(0, sdn.indexOf("ORCHID") + 3));
			Files.writeString(un(), un.substring(0, un.indexOf("</ENTITY>")));
			assertThat(refreshLists()).as("admin refresh").isEqualTo(200);

			JsonNode lists = lists();
			assertThat(lists.path("status").asString()).isEqualTo("DEGRADED");
			JsonNode ofacStatus = lists.path("details").path("ofac-sdn");
			assertThat(ofacStatus.path("status").asString()).isEqualTo("DEGRADED");
			assertThat(ofacStatus.path("entries").asInt()).as("entries still served").isEqualTo(2);
			assertThat(ofacStatus.path("reason").asString()).contains("sdn.csv");
			JsonNode unStatus = lists.path("details").path("un");
			assertThat(unStatus.path("status").asString()).isEqualTo("DEGRADED");
			assertThat(unStatus.path("reason").asString()).isNotBlank();
			System.out.printf("[data faults] broken lists: ofac-sdn DEGRADED (%s); un DEGRADED (%s)%n",
					ofacStatus.path("reason").asString(), unStatus.path("reason").asString());

			// Names that only the previous versions hold still raise alerts, and screening goes on
			assertThat(screen("Vietnam agreed a lease of cargo ships with Lantern Bay Shipping, the ministry said."))
				.contains("SDN-MATCH");
			assertThat(screen("Egypt signed a contract with Copper Fjord Trading Company for rocket engines."))
				.contains("SDN-MATCH");
			assertThat(screen("Serbia has signed a contract with Rosoboronexport for Pantsir-S1 air defence systems."))
				.contains("CAATSA-231");
		}
		finally {
			Files.writeString(ofac().resolve("sdn.csv"), sdn);
			Files.writeString(un(), un);
		}
		assertThat(refreshLists()).isEqualTo(200);
		assertThat(lists().path("status").asString()).as("lists once the files are whole again").isEqualTo("UP");
	}

	@Test
	void aBrokenRuleFileIsRefusedWithFileLineAndCauseAndTheOldRulesServeUntilItIsFixed(CapturedOutput output)
			throws Exception {
		String sale = "Russia sold four attack helicopters to Mali, the defence ministry in Bamako said.";
		List<AlertRaised> before = alerts(sale);
		assertThat(before).extracting(AlertRaised::ruleId).contains("LOCAL-SALE");
		String saleVersion = version(before, "LOCAL-SALE");

		Path file = rules().resolve("local.yaml");
		// Line 7 of the pack: the first rule's severity
		replace(file, pack(rule("LOCAL-SALE", "sale").replace("severity: high", "severity: urgent")
				+ rule("LOCAL-LEASE", "lease")));
		JsonNode refused = await("the broken rule file is refused").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(this::rulesHealth, (health) -> "DEGRADED".equals(health.path("status").asString()));
		JsonNode details = refused.path("details");
		assertThat(details.path("file").asString()).isEqualTo(file.toString());
		assertThat(details.path("line").asInt()).isEqualTo(7);
		assertThat(details.path("refused").asString()).isEqualTo(file + ":7: severity 'urgent' is not one of "
				+ "[low, medium, high, critical]");
		assertThat(output.getAll()).contains("Rule file refused, previous rules").contains(file + ":7: severity 'urgent'");
		System.out.printf("[data faults] broken rule file: rules DEGRADED, refused: %s%n", details.path("refused").asString());

		List<AlertRaised> underOldRules = alerts(sale.replace("four", "six"));
		assertThat(underOldRules).extracting(AlertRaised::ruleId).contains("LOCAL-SALE").doesNotContain("LOCAL-LEASE");
		assertThat(version(underOldRules, "LOCAL-SALE")).isEqualTo(saleVersion);
		String lease = "Russia leased two transport aircraft to Mali for a year, the government in Bamako said.";
		assertThat(alerts(lease)).extracting(AlertRaised::ruleId).doesNotContain("LOCAL-LEASE");

		// LOCAL-SALE stays the last rule of the file: a rule's version hashes its YAML node's text, and the last
		// node's text ends differently (trailing line break), so moving a rule to or from the end changes its version
		replace(file, pack(rule("LOCAL-LEASE", "lease") + rule("LOCAL-SALE", "sale")));
		await("the fixed rule file is loaded").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(this::rulesHealth, (health) -> "UP".equals(health.path("status").asString()));
		assertThat(alerts(lease.replace("two", "three"))).extracting(AlertRaised::ruleId).contains("LOCAL-LEASE");
		assertThat(version(alerts(sale.replace("four", "eight")), "LOCAL-SALE")).as("an unchanged rule keeps its version")
			.isEqualTo(saleVersion);
	}

	// ---- the running service, from outside ----

	/** Publishes an article, waits until the service has screened it, and returns the rules of its alerts. */
	private List<String> screen(String body) {
		return alerts(body).stream().map(AlertRaised::ruleId).toList();
	}

	private List<AlertRaised> alerts(String body) {
		String bootstrap = this.broker.getBrokersAsString();
		String id = ScreeningPipelineScenarios.uniqueId("data-fault");
		RecordMetadata sent;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			sent = producer.send(new ProducerRecord<>(ScreeningPipelineScenarios.ARTICLES, id,
					ScreeningPipelineScenarios.article(id, null, body))).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + id, ex);
		}
		ScreeningPipelineScenarios.awaitScreened(bootstrap, ScreeningPipelineScenarios.GROUP, List.of(sent));
		return ScreeningPipelineScenarios.readAll(bootstrap, ScreeningPipelineScenarios.ALERTS, IsolationLevel.READ_COMMITTED)
			.stream()
			.map(ScreeningPipelineScenarios::alert)
			.filter((alert) -> alert.articleId().equals(id))
			.toList();
	}

	private static String version(List<AlertRaised> alerts, String ruleId) {
		return alerts.stream().filter((alert) -> alert.ruleId().equals(ruleId)).findFirst().orElseThrow().ruleVersion();
	}

	private int refreshLists() throws Exception {
		String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri("/api/admin/lists/refresh"))
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private JsonNode lists() throws Exception {
		return health("lists");
	}

	private JsonNode rulesHealth() throws Exception {
		return health("rules");
	}

	/** The health endpoint as an operator reads it: the details are for administrators only. */
	private JsonNode health(String component) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/actuator/health")).header("Authorization", "Basic " + credentials).build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body()).path("components").path(component);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	// ---- fixtures ----

	private static Path ofac() {
		return data.resolve("ofac");
	}

	private static Path un() {
		return data.resolve("un").resolve("consolidated.xml");
	}

	private static Path rules() {
		return data.resolve("rules");
	}

	/**
	 * Writes a hidden file and renames it over the rule file, as an operator should (a ConfigMap update swaps a
	 * symlink): a poll in the middle of a plain write would see half a file and refuse it at the wrong line.
	 */
	private static void replace(Path file, String content) throws IOException {
		Path next = Files.writeString(file.resolveSibling("." + file.getFileName() + ".next"), content);
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Three header lines, so the first rule starts on line 4 and its severity is on line 7. */
	private static String pack(String rules) {
		return "pack: local\nversion: \"1\"\nrules:\n" + rules;
	}

	private static String rule(String id, String kind) {
		return """
				  - id: %s
				    title: Any %s by Russia, for a test of rule reloading
				    citation: test
				    severity: high
				    when:
				      all:
				        - kind: [%s]
				        - party: {country: [RU], role: [seller, partner, other]}
				    examples:
				      fire: [Russia agreed a %s of tanks with Mali.]
				      quiet: [Nothing happened in Mali.]
				""".formatted(id, kind, kind, kind);
	}

}
