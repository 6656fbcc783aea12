package org.sanctionswatch.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalKafkaBrokerTests {

	private static final String TOPIC = "restart-check";

	private static final JsonMapper json = JsonMapper.shared();

	@BeforeAll
	static void quietBroker() {
		KafkaLogLevels.quiet();
	}

	@Test
	void recordsSurviveARestartOnTheSameDirectoryAndPort(@TempDir Path dataDir) throws Exception {
		int port = freePortPair();
		try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port)) {
			assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
			assertThat(dataDir.resolve("meta.properties")).exists();
			produce(broker, "demo-1", "before restart");
			assertThat(readAll(broker)).containsExactly("demo-1=before restart");
		}
		try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port)) {
			assertThat(readAll(broker)).containsExactly("demo-1=before restart");
		}
	}

	@Test
	void aPortInUseIsReportedPlainly(@TempDir Path dataDir) throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			assertThatIllegalStateException().isThrownBy(() -> LocalKafkaBroker.start(dataDir, port))
				.withMessage("port " + port
						+ " is already in use: stop the other Kafka or set sanctions-watch.local.kafka-port");
		}
		// Refusing early also means a busy port never formats, or locks, the data directory
		assertThat(dataDir).isEmptyDirectory();
	}

	@Test
	void demoArticlesAreValidArticles() throws IOException {
		String text = new ClassPathResource(DemoArticlePublisher.DEMO_ARTICLES).getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = text.lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).hasSize(6);
		Set<String> ids = new HashSet<>();
		for (String line : lines) {
			JsonNode article = json.readTree(line);
			String id = article.path("id").asString();
			assertThat(ids.add(id)).as("unique id %s", id).isTrue();
			assertThat(article.path("body").asString()).as("body of %s", id).isNotBlank().contains("\n\n");
			assertThat(article.path("body").asString().split("\\s+")).as("words in %s", id).hasSizeBetween(80, 200);
			assertThat(article.path("url").asString()).startsWith("https://example.org/");
			assertThat(article.path("source").asString()).isEqualTo("demo");
			assertThat(article.path("language").asString()).isEqualTo("en");
			assertThat(OffsetDateTime.parse(article.path("publishedAt").asString())).isNotNull();
		}
		assertThat(ids).containsExactlyInAnyOrder("demo-1", "demo-2", "demo-3", "demo-4", "demo-5", "demo-6");
	}

	@Test
	void contractDocumentsParse() throws IOException {
		JsonNode article = json.readTree(Files.readString(Path.of("docs/schemas/article.schema.json")));
		JsonNode alert = json.readTree(Files.readString(Path.of("docs/schemas/alert.schema.json")));
		assertThat(article.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(article.path("required").valueStream().map(JsonNode::asString)).containsExactly("id", "body");
		assertThat(alert.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(alert.path("$defs").propertyNames()).contains("Party", "ListRef", "Item", "Span", "Match");
		Map<String, Object> asyncApi = new Yaml().load(Files.readString(Path.of("docs/asyncapi.yaml")));
		assertThat(asyncApi).containsEntry("asyncapi", "3.0.0");
		assertThat(asyncApi.get("channels").toString()).contains("news.articles", "sanctions.alerts", "news.articles.dlq");
		// A relative $ref that points nowhere would still parse, so check that the files it names exist
		assertThat(Files.readString(Path.of("docs/asyncapi.yaml")).lines()
			.filter((line) -> line.contains("$ref: './"))
			.map((line) -> line.substring(line.indexOf("./") + 2, line.lastIndexOf('\''))))
			.isNotEmpty()
			.allSatisfy((ref) -> assertThat(Path.of("docs", ref)).isRegularFile());
	}

	private static void produce(LocalKafkaBroker broker, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			// The topic does not exist yet: this also shows auto-creation works, as kcat users expect
			producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	private static List<String> readAll(LocalKafkaBroker broker) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
			List<String> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (consumer.position(partition) < end && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					records.add(record.key() + "=" + record.value());
				}
			}
			return records;
		}
	}

	/** The broker needs two adjacent ports: the one asked for and the controller's, one above. */
	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
				int port = first.getLocalPort();
				if (port < 65535 && isFree(port + 1)) {
					return port;
				}
			}
		}
		throw new IllegalStateException("No two adjacent free ports found");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
