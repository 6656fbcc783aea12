package org.sanctionswatch.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sanctionswatch.alert.AlertPublisher;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.screening.Screening;
import org.sanctionswatch.screening.ScreeningEngine;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens each article record. The container runs this inside a Kafka transaction that also carries the
 * consumed offset, so an alert is published exactly when its article counts as read.
 */
@Component
class ArticleListener {

	private final ArticleDecoder decoder;

	private final ScreeningEngine engine;

	private final AlertPublisher publisher;

	private final ScreeningMetrics metrics;

	ArticleListener(ArticleDecoder decoder, ScreeningEngine engine, AlertPublisher publisher, ScreeningMetrics metrics) {
		this.decoder = decoder;
		this.engine = engine;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@KafkaListener(id = "screening", idIsGroup = false, topics = "${sanctions-watch.topics.articles:news.articles}")
	void onArticle(ConsumerRecord<String, byte[]> record) {
		long started = System.nanoTime();
		Article article = this.decoder.decode(record.value());
		Screening screening = this.engine.screen(article);
		screening.alerts().forEach(this.publisher::publish);
		this.metrics.screened(screening, System.nanoTime() - started);
	}

}
