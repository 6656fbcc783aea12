package org.sanctionswatch.local;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The in-process broker logs hundreds of INFO lines per start and stop. Spring Boot applies {@code logging.level.*}
 * only once an application starts, which is after the broker in local mode and never in plain tests, so the levels
 * are set here by hand. Spring Boot resets them when it initialises logging, and application properties decide
 * from then on.
 */
public final class KafkaLogLevels {

	/** Loggers of the broker (Scala and Java parts) and of its state-change log. */
	static final String[] BROKER_LOGGERS = { "kafka", "org.apache.kafka", "state.change.logger" };

	private KafkaLogLevels() {
	}

	public static void quiet() {
		LoggingSystem logging = LoggingSystem.get(KafkaLogLevels.class.getClassLoader());
		for (String logger : BROKER_LOGGERS) {
			logging.setLogLevel(logger, LogLevel.WARN);
		}
	}

}
