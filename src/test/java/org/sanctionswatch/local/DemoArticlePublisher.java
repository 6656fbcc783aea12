package org.sanctionswatch.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Publishes the demo articles once the service is up, so that local mode shows alerts without any typing.
 * <p>
 * It uses a plain producer, as an upstream news feed would, rather than the service's transactional template.
 * Article ids are stable and alert ids are derived from them, so every run re-raises the same alerts.
 */
public class DemoArticlePublisher implements ApplicationRunner {

	/** One JSON article a line, keyed on the topic by its {@code id}. */
	public static final String DEMO_ARTICLES = "demo/articles.jsonl";

	private static final Logger logger = LoggerFactory.getLogger(DemoArticlePublisher.class);

	private final List<String> bootstrapServers;

	private final String topic;

	private final String resource;

	public DemoArticlePublisher(List<String> bootstrapServers, String topic, String resource) {
		this.bootstrapServers = List.copyOf(bootstrapServers);
		this.topic = topic;
		this.resource = resource;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> lines = readLines(new ClassPathResource(this.resource));
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", this.bootstrapServers),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "sanctions-watch-demo-publisher");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (String line : lines) {
				sent.add(producer.send(new ProducerRecord<>(this.topic, idOf(line), line)));
			}
			for (Future<RecordMetadata> result : sent) {
				result.get(30, TimeUnit.SECONDS);
			}
			logger.info("Published {} demo articles from {} to {}", sent.size(), this.resource, this.topic);
		}
		catch (ExecutionException | TimeoutException ex) {
			// The service itself is still usable with kcat, so a failed demo must not take local mode down
			logger.warn("Could not publish the demo articles to {}: {}", this.topic, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String idOf(String line) {
		JsonNode id = JsonMapper.shared().readTree(line).get("id");
		return (id != null && id.isString()) ? id.asString() : null;
	}

	private static List<String> readLines(Resource resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the demo articles from " + resource, ex);
		}
	}

}
