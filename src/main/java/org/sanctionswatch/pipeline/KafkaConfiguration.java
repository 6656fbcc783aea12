package org.sanctionswatch.pipeline;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.article.InvalidArticleException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Behaviour added to Boot's Kafka set-up: the topics, and what happens after a failed transaction. An invalid
 * article goes straight to the dead-letter topic with its reason; a broker or network failure is retried with
 * back-off for as long as it lasts; any other failure is retried a few times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	static final String REASON_HEADER = "sw-dlq-reason";

	static final String DETAIL_HEADER = "sw-dlq-detail";

	private static final long UNEXPECTED_FAILURE_RETRIES = 3;

	@Bean
	@ConditionalOnProperty(name = "sanctions-watch.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics sanctionsTopics(SanctionsWatchProperties properties) {
		SanctionsWatchProperties.Topics topics = properties.topics();
		// an over-size article must still fit on the dead-letter topic, unchanged
		String maxMessage = String.valueOf(Math.max(2 * properties.articles().maxBytes(), 1_048_588));
		return new KafkaAdmin.NewTopics(
				topic(topics.articles(), topics).config("max.message.bytes", maxMessage).build(),
				topic(topics.alerts(), topics).build(),
				topic(topics.deadLetter(), topics).config("max.message.bytes", maxMessage)
					.config("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))
					.build());
	}

	private static TopicBuilder topic(String name, SanctionsWatchProperties.Topics topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas());
	}

	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaTemplate<String, byte[]> template,
			SanctionsWatchProperties properties, ScreeningMetrics metrics) {
		String deadLetter = properties.topics().deadLetter();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetter, -1));
		recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
			headers.add(DETAIL_HEADER, detail(ex).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>((record, ex) -> {
			metrics.deadLettered(reason(ex));
			recoverer.accept(record, ex);
		}, new FixedBackOff(1000, UNEXPECTED_FAILURE_RETRIES), template, true);
		processor.setBackOffFunction((record, ex) -> transientFailure(ex) ? brokerBackOff() : null);
		processor.addNotRetryableExceptions(InvalidArticleException.class);
		return processor;
	}

	private static ExponentialBackOff brokerBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		return backOff;
	}

	static boolean transientFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// the same record fails the same way every time: retrying for ever would stall the partition
			if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
					|| t instanceof SerializationException) {
				return false;
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException
					|| (t instanceof KafkaException && !(t.getCause() instanceof InvalidArticleException))) {
				return true;
			}
		}
		return false;
	}

	static String reason(Throwable ex) {
		InvalidArticleException invalid = invalid(ex);
		return (invalid != null) ? invalid.reason().code() : "screening-failed";
	}

	private static String detail(Throwable ex) {
		InvalidArticleException invalid = invalid(ex);
		Throwable root = (invalid != null) ? invalid : rootCause(ex);
		String message = String.valueOf(root.getMessage());
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

	private static @Nullable InvalidArticleException invalid(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidArticleException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
	}

}
