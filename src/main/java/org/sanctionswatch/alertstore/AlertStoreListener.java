package org.sanctionswatch.alertstore;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.article.InvalidArticleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The store's subscription: alerts, and the articles they point into, in a consumer group of its own that all
 * replicas share (each record is stored by one of them). Alerts are read committed, as the alert contract asks.
 * A record that cannot be read is logged and skipped: the screening pipeline owns the dead-letter topic, and
 * the store must not stall on one bad record. A database failure is retried until the database is back.
 */
@Component
class AlertStoreListener {

	private static final Logger logger = LoggerFactory.getLogger(AlertStoreListener.class);

	private final AlertStore store;

	private final ArticleDecoder articles;

	private final JsonMapper json;

	private final String alertTopic;

	private final StoreLagMonitor monitor;

	AlertStoreListener(AlertStore store, ArticleDecoder articles, JsonMapper json, SanctionsWatchProperties properties,
			StoreLagMonitor monitor) {
		this.store = store;
		this.monitor = monitor;
		this.articles = articles;
		this.json = json;
		this.alertTopic = properties.topics().alerts();
	}

	@KafkaListener(id = "dashboard-store", groupId = "${sanctions-watch.dashboard.store-group:sanctions-watch-dashboard}",
			autoStartup = "${sanctions-watch.dashboard.store.consume:true}",
			topics = { "${sanctions-watch.topics.alerts:sanctions.alerts}", "${sanctions-watch.topics.articles:news.articles}" },
			containerFactory = AlertStoreConfiguration.STORE_LISTENER_FACTORY)
	void onRecord(ConsumerRecord<String, byte[]> record) {
		if (this.alertTopic.equals(record.topic())) {
			onAlert(record);
		}
		else {
			onArticle(record);
		}
	}

	private void onAlert(ConsumerRecord<String, byte[]> record) {
		AlertRaised alert;
		try {
			alert = this.json.readValue(record.value(), AlertRaised.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Skipped unreadable alert record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return;
		}
		if (this.store.store(alert)) {
			logger.debug("Stored alert {} ({} on {})", alert.alertId(), alert.ruleId(), alert.articleId());
		}
		this.monitor.stored();
	}

	private void onArticle(ConsumerRecord<String, byte[]> record) {
		try {
			this.store.storeArticle(this.articles.decode(record.value(), record.key()));
			this.monitor.stored();
		}
		catch (InvalidArticleException ex) {
			// the screening pipeline dead-letters it; there is nothing to show for it here
			logger.debug("Skipped invalid article {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
		}
	}

}
