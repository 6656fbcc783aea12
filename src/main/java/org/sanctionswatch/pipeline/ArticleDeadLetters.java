package org.sanctionswatch.pipeline;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alert.AlertTooLargeException;
import org.sanctionswatch.article.InvalidArticleException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Sends an article record that can never be screened to the dead-letter topic, unchanged, with Spring Kafka's
 * {@code kafka_dlt-*} headers plus the reason in {@code sw-dlq-reason} and the cause in {@code sw-dlq-detail}.
 * Called on the listener thread, the send joins the listener's transaction: the record counts as read exactly
 * when its dead letter is written.
 */
@Component
class ArticleDeadLetters {

	static final String REASON_HEADER = "sw-dlq-reason";

	static final String DETAIL_HEADER = "sw-dlq-detail";

	private static final int MAX_DETAIL_LENGTH = 500;

	private final DeadLetterPublishingRecoverer recoverer;

	private final ScreeningMetrics metrics;

	ArticleDeadLetters(KafkaTemplate<String, byte[]> template, SanctionsWatchProperties properties,
			ScreeningMetrics metrics) {
		String topic = properties.topics().deadLetter();
		this.recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> new TopicPartition(topic, -1));
		this.recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
			headers.add(DETAIL_HEADER, detail(ex).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		this.metrics = metrics;
	}

	void deadLetter(ConsumerRecord<?, ?> record, Exception cause) {
		this.recoverer.accept(record, cause);
		this.metrics.deadLettered(reason(cause));
	}

	static String reason(Throwable ex) {
		InvalidArticleException invalid = find(ex, InvalidArticleException.class);
		if (invalid != null) {
			return invalid.reason().code();
		}
		return (find(ex, AlertTooLargeException.class) != null) ? "alert-too-large" : "screening-failed";
	}

	static String detail(Throwable ex) {
		InvalidArticleException invalid = find(ex, InvalidArticleException.class);
		Throwable root = (invalid != null) ? invalid : rootCause(ex);
		String message = root.getClass().getSimpleName() + ": " + root.getMessage();
		if (invalid != null) {
			message = String.valueOf(invalid.getMessage());
		}
		return (message.length() > MAX_DETAIL_LENGTH) ? message.substring(0, MAX_DETAIL_LENGTH) : message;
	}

	private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
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
