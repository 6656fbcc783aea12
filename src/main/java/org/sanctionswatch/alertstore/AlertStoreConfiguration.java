package org.sanctionswatch.alertstore;

import javax.sql.DataSource;

import org.sanctionswatch.SanctionsWatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/** The store's database transactions, its Kafka listener container, and the decisions topic. */
@Configuration(proxyBeanMethods = false)
class AlertStoreConfiguration {

	static final String STORE_LISTENER_FACTORY = "dashboardStoreListenerFactory";

	private static final Logger logger = LoggerFactory.getLogger(AlertStoreConfiguration.class);

	/**
	 * The database's transaction manager. Primary because the transactional Kafka producer brings a second one,
	 * which would otherwise keep Boot from creating this and leave Spring Session with two to choose from.
	 */
	@Bean
	@Primary
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	@Bean
	TransactionOperations storeTransactions(JdbcTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/**
	 * Not transactional on the Kafka side: the store is idempotent, so at-least-once is enough. A failure (the
	 * database is down) is retried with back-off for as long as it lasts rather than skipped, so that no alert
	 * goes missing from the dashboard: the back-off has no limit on attempts or elapsed time, so the handler never
	 * reaches its recoverer (which would log and skip the record), and nothing is dead-lettered.
	 */
	@Bean(STORE_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> dashboardStoreListenerFactory(
			ConsumerFactory<Object, Object> consumerFactory, SanctionsWatchProperties properties,
			StoreLagMonitor monitor) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setCommonErrorHandler(storeErrorHandler(properties.dashboard().store(), monitor));
		// Alerts are written in transactions: without this, the commit marker after the last alert stays uncommitted
		// on an idle partition, and the store would look one record behind for ever
		factory.getContainerProperties().setFixTxOffsets(true);
		return factory;
	}

	static DefaultErrorHandler storeErrorHandler(SanctionsWatchProperties.Dashboard.Store settings,
			StoreLagMonitor monitor) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(settings.maxRetryInterval().toMillis());
		backOff.setMaxAttempts(Long.MAX_VALUE);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		handler.setRetryListeners((record, ex, attempt) -> {
			monitor.failed(ex);
			logger.warn("Could not store {}-{}@{} (attempt {}), retrying: {}", record.topic(), record.partition(),
					record.offset(), attempt, ex.getMessage());
		});
		return handler;
	}

	@Bean
	@ConditionalOnProperty(name = "sanctions-watch.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics dashboardTopics(SanctionsWatchProperties properties) {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(properties.dashboard().decisionsTopic())
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicas())
			.build());
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAboutAMemoryStore(ApplicationReadyEvent event) {
		String url = event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:h2:mem:")) {
			logger.warn("The alert store is in memory: alerts, cases and triage decisions are lost when this instance "
					+ "stops. Set spring.datasource.url (SPRING_DATASOURCE_URL) to a PostgreSQL database.");
		}
	}

}
