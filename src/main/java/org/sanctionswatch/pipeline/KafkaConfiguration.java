package org.sanctionswatch.pipeline;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.sanctionswatch.SanctionsWatchProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Behaviour added to Boot's Kafka set-up: the topics, and what happens after a failed transaction.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	@ConditionalOnProperty(name = "sanctions-watch.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics sanctionsTopics(SanctionsWatchProperties properties) {
		SanctionsWatchProperties.Topics topics = properties.topics();
		String maxMessage = String.valueOf(properties.articles().maxRecordBytes());
		return new KafkaAdmin.NewTopics(
				topic(topics.articles(), topics).config("max.message.bytes", maxMessage).build(),
				topic(topics.alerts(), topics).config("max.message.bytes", maxMessage).build(),
				topic(topics.deadLetter(), topics).config("max.message.bytes", maxMessage)
					.config("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))
					.build());
	}

	private static TopicBuilder topic(String name, SanctionsWatchProperties.Topics topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas());
	}

	/**
	 * What follows a rolled-back poll. The listener dead-letters records that can never succeed, so a rollback
	 * means Kafka itself failed (broker, network, fencing, authorization): the poll is sought back and redelivered
	 * with back-off for as long as the failure lasts, and nothing is skipped.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		return new DefaultAfterRollbackProcessor<>(backOff);
	}

	/** A failure of the Kafka client rather than of the record: retrying the poll can succeed. */
	static boolean kafkaFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof KafkaException || t instanceof java.util.concurrent.TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
