package org.sanctionswatch.pipeline;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sanctionswatch.alert.AlertPublisher;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.article.InvalidArticleException;
import org.sanctionswatch.screening.Screening;
import org.sanctionswatch.screening.ScreeningEngine;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens each poll's article records. The container runs the whole poll inside one Kafka transaction that also
 * carries the consumed offsets, so alerts and dead letters are published exactly when their articles count as
 * read; one commit per poll rather than per record is what lets the service keep up with a busy feed.
 * <p>
 * A record that can never be screened (invalid, or failing the engine) is dead-lettered here, inside the
 * transaction, so that one bad record neither holds up nor rolls back its neighbours. Only Kafka failures escape
 * and roll the poll back, to be redelivered with back-off (see {@link KafkaConfiguration}).
 */
@Component
class ArticleListener {

	private final ArticleDecoder decoder;

	private final ScreeningEngine engine;

	private final AlertPublisher publisher;

	private final ArticleDeadLetters deadLetters;

	private final ScreeningMetrics metrics;

	ArticleListener(ArticleDecoder decoder, ScreeningEngine engine, AlertPublisher publisher,
			ArticleDeadLetters deadLetters, ScreeningMetrics metrics) {
		this.decoder = decoder;
		this.engine = engine;
		this.publisher = publisher;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
	}

	@KafkaListener(id = "screening", idIsGroup = false, topics = "${sanctions-watch.topics.articles:news.articles}",
			batch = "true")
	void onArticles(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			screen(record);
		}
	}

	private void screen(ConsumerRecord<String, byte[]> record) {
		long started = System.nanoTime();
		Screening screening;
		try {
			Article article = this.decoder.decode(record.value());
			screening = this.engine.screen(article);
			this.publisher.publishAll(screening.alerts());
		}
		catch (InvalidArticleException ex) {
			this.deadLetters.deadLetter(record, ex);
			return;
		}
		catch (RuntimeException ex) {
			if (KafkaConfiguration.kafkaFailure(ex)) {
				throw ex;
			}
			// decoding, screening and building alerts do no I/O: the same record would fail the same way again
			this.deadLetters.deadLetter(record, ex);
			return;
		}
		this.metrics.screened(screening, System.nanoTime() - started);
	}

}
