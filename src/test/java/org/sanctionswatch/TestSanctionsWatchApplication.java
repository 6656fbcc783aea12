package org.sanctionswatch;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.local.KafkaLogLevels;
import org.sanctionswatch.local.LocalKafkaBroker;
import org.sanctionswatch.local.LocalModeConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Local mode: {@code mvn spring-boot:test-run} starts a Kafka broker in this JVM, then the service against it, then
 * publishes the demo articles. Nothing to install; the broker keeps its data in {@code .local/kafka}.
 * <p>
 * The Kafka port is 9092 unless {@code --sanctions-watch.local.kafka-port}, the system property of that name or
 * {@code SANCTIONS_WATCH_LOCAL_KAFKA_PORT} says otherwise.
 */
public final class TestSanctionsWatchApplication {

	static final String KAFKA_PORT_PROPERTY = "sanctions-watch.local.kafka-port";

	private static final Path DATA_DIR = Path.of(".local", "kafka");

	/** The local-only dashboard user; its password is new on every start and printed in the banner. */
	static final String LOCAL_USER = "analyst";

	private TestSanctionsWatchApplication() {
	}

	public static void main(String[] args) {
		// Until Spring Boot takes over logging, which happens after the broker has started
		KafkaLogLevels.quiet();
		long startedAt = System.nanoTime();
		LocalKafkaBroker broker = LocalKafkaBroker.start(DATA_DIR, kafkaPort(args));
		long brokerMillis = (System.nanoTime() - startedAt) / 1_000_000;
		// The broker must outlive the service's consumers and transactional producers, or shutting down stalls on
		// their close timeouts; Spring Boot runs its shutdown handlers after the contexts have closed
		broker.removeShutdownHook();
		SpringApplication.getShutdownHandlers().add(broker::close);
		System.setProperty("spring.kafka.bootstrap-servers", broker.bootstrapServers());
		String password = localUser();
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.from(SanctionsWatchApplication::main)
				.with(LocalModeConfiguration.class)
				.withAdditionalProfiles("local")
				.run(args)
				.getApplicationContext();
		}
		catch (RuntimeException ex) {
			// Kafka's threads are not daemons: without this a failed start would leave the JVM hanging
			broker.close();
			throw ex;
		}
		printBanner(broker, brokerMillis, context.getBean(SanctionsWatchProperties.class).topics());
		if (password != null) {
			System.out.printf("=== Dashboard: %s | log in as %s with password %s (local mode only, new at every start; "
					+ "the API takes the same with curl -u %s:%s) ===%n%n", dashboardUrl(context), LOCAL_USER, password,
					LOCAL_USER, password);
		}
		else {
			System.out.printf("=== Dashboard: %s | log in as one of the users you configured ===%n%n", dashboardUrl(context));
		}
	}

	/**
	 * Production configuration has no users and no default password. Local mode adds one ANALYST (who may also
	 * administer) with a random password, as system properties so that they stay out of every file; a user list
	 * given on the command line still wins.
	 */
	private static @Nullable String localUser() {
		String prefix = "sanctions-watch.dashboard.users[0].";
		if (System.getProperty(prefix + "name") != null) {
			return null;
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		System.setProperty(prefix + "name", LOCAL_USER);
		System.setProperty(prefix + "password", "{bcrypt}" + new BCryptPasswordEncoder().encode(password));
		System.setProperty(prefix + "roles", "ANALYST,ADMIN");
		return password;
	}

	private static String dashboardUrl(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port", "8080");
		return "http://localhost:" + port + "/";
	}

	private static void printBanner(LocalKafkaBroker broker, long brokerMillis, SanctionsWatchProperties.Topics topics) {
		String kafka = broker.bootstrapServers();
		System.out.printf("%n=== Sanctions Watch local mode is ready: Kafka %s (started in %d ms, data in %s) | publish: "
				+ "kcat -P -b %s -t %s -k my-article-1 article.json | alerts: kcat -C -b %s -t %s -o beginning "
				+ "-f '%%k %%h\\n%%s\\n' | dead letters: %s ===%n%n", kafka, brokerMillis, DATA_DIR.toAbsolutePath(), kafka,
				topics.articles(), kafka, topics.alerts(), topics.deadLetter());
	}

	static int kafkaPort(String[] args) {
		String prefix = "--" + KAFKA_PORT_PROPERTY + "=";
		String value = Arrays.stream(args)
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.reduce((first, second) -> second)
			.orElseGet(() -> System.getProperty(KAFKA_PORT_PROPERTY,
					System.getenv().getOrDefault("SANCTIONS_WATCH_LOCAL_KAFKA_PORT", "9092")));
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(KAFKA_PORT_PROPERTY + " must be a port number, not '" + value + "'", ex);
		}
	}

}
