package org.sanctionswatch.pipeline;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.sanctionswatch.alert.AlertTooLargeException;
import org.sanctionswatch.article.InvalidArticleException;
import org.sanctionswatch.article.InvalidArticleException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/** What rolls a poll back to be retried, and what is dead-lettered with which reason. */
class FailureClassificationTests {

	@Test
	void brokerNetworkAndFencingFailuresRollThePollBack() {
		assertThat(KafkaConfiguration.kafkaFailure(new NotLeaderOrFollowerException("moved"))).isTrue();
		assertThat(KafkaConfiguration.kafkaFailure(new IllegalStateException("wrapped",
				new org.apache.kafka.common.errors.TimeoutException("x")))).isTrue();
		assertThat(KafkaConfiguration.kafkaFailure(new TimeoutException("send timed out"))).isTrue();
		assertThat(KafkaConfiguration.kafkaFailure(new ProducerFencedException("zombie"))).isTrue();
	}

	@Test
	void authorizationFailuresAreRetriedUntilAnOperatorFixesTheAcl() {
		assertThat(KafkaConfiguration.kafkaFailure(new TopicAuthorizationException("denied"))).isTrue();
	}

	@Test
	void engineAndAlertBuildingFailuresAreDeadLetteredNotRetried() {
		assertThat(KafkaConfiguration.kafkaFailure(new IllegalStateException("bug"))).isFalse();
		assertThat(KafkaConfiguration.kafkaFailure(new AlertTooLargeException("a-1", 3_000_000, 2_097_152))).isFalse();
	}

	@Test
	void theDeadLetterReasonNamesWhatWentWrong() {
		assertThat(ArticleDeadLetters.reason(new InvalidArticleException(Reason.TOO_LARGE, "big"))).isEqualTo("too-large");
		assertThat(ArticleDeadLetters.reason(new InvalidArticleException(Reason.INVALID_UTF8, "bytes")))
			.isEqualTo("invalid-utf8");
		assertThat(ArticleDeadLetters.reason(new AlertTooLargeException("a-1", 3_000_000, 2_097_152)))
			.isEqualTo("alert-too-large");
		assertThat(ArticleDeadLetters.reason(new IllegalArgumentException("boom"))).isEqualTo("screening-failed");
	}

	@Test
	void theDetailNamesTheRootCauseAndIsBounded() {
		assertThat(ArticleDeadLetters.detail(new IllegalStateException("outer", new ArithmeticException("/ by zero"))))
			.isEqualTo("ArithmeticException: / by zero");
		assertThat(ArticleDeadLetters.detail(new IllegalStateException("x".repeat(2000)))).hasSize(500);
	}

}
