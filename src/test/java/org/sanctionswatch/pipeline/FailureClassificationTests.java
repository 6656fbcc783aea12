package org.sanctionswatch.pipeline;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.article.InvalidArticleException;
import org.sanctionswatch.article.InvalidArticleException.Reason;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** What is retried for as long as it lasts, and what is dead-lettered with which reason. */
class FailureClassificationTests {

	@Test
	void brokerAndNetworkFailuresAreTransient() {
		assertThat(KafkaConfiguration.transientFailure(wrapped(new NotLeaderOrFollowerException("moved")))).isTrue();
		assertThat(KafkaConfiguration.transientFailure(wrapped(new org.apache.kafka.common.errors.TimeoutException("x"))))
			.isTrue();
		assertThat(KafkaConfiguration.transientFailure(new TimeoutException("send timed out"))).isTrue();
	}

	@Test
	void invalidArticlesAndBugsAreNotTransient() {
		assertThat(KafkaConfiguration.transientFailure(wrapped(new InvalidArticleException(Reason.NOT_JSON, "x"))))
			.isFalse();
		assertThat(KafkaConfiguration.transientFailure(wrapped(new IllegalStateException("bug")))).isFalse();
	}

	@Test
	void aRecordThatCanNeverFitIsNotTransient() {
		assertThat(KafkaConfiguration.transientFailure(wrapped(new org.apache.kafka.common.KafkaException("error state",
				new org.apache.kafka.common.errors.RecordTooLargeException("too big"))))).isFalse();
	}

	@Test
	void authorizationFailuresAreKafkaFailuresRetriedUntilFixed() {
		// not retriable by Kafka's own classification, but an operator can fix an ACL without losing the record
		assertThat(KafkaConfiguration.transientFailure(wrapped(new TopicAuthorizationException("denied")))).isTrue();
	}

	@Test
	void theDeadLetterReasonIsTheDecoderReasonOrScreeningFailed() {
		assertThat(KafkaConfiguration.reason(wrapped(new InvalidArticleException(Reason.TOO_LARGE, "big"))))
			.isEqualTo("too-large");
		assertThat(KafkaConfiguration.reason(wrapped(new InvalidArticleException(Reason.INVALID_UTF8, "bytes"))))
			.isEqualTo("invalid-utf8");
		assertThat(KafkaConfiguration.reason(wrapped(new IllegalArgumentException("boom")))).isEqualTo("screening-failed");
	}

	private static Exception wrapped(Exception cause) {
		return new ListenerExecutionFailedException("listener failed", cause);
	}

}
