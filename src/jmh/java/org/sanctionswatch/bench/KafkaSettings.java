package org.sanctionswatch.bench;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client settings of the end-to-end benchmark. The pass-through copies the service's production settings from
 * application.properties (read_committed, max.poll.records=200, acks=all, transactions) so that the only
 * difference between the two is the screening.
 */
final class KafkaSettings {

	private KafkaSettings() {
	}

	/** As spring.kafka.consumer.* in application.properties, plus what Spring's container sets itself. */
	static Map<String, Object> serviceLikeConsumer(String bootstrap, String group) {
		Map<String, Object> c = new HashMap<>();
		c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
		c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return c;
	}

	/** As spring.kafka.producer.* in application.properties, with a transactional id of the same shape. */
	static Map<String, Object> serviceLikeProducer(String bootstrap, String transactionalId) {
		Map<String, Object> p = new HashMap<>();
		p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		p.put(ProducerConfig.ACKS_CONFIG, "all");
		p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4194304);
		p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return p;
	}

	/** The load generator's producer: batches for the preload, sends at once for the open-loop phase. */
	static Map<String, Object> loadProducer(String bootstrap, boolean batching) {
		Map<String, Object> p = new HashMap<>();
		p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		p.put(ProducerConfig.ACKS_CONFIG, "all");
		p.put(ProducerConfig.LINGER_MS_CONFIG, batching ? 20 : 0);
		p.put(ProducerConfig.BATCH_SIZE_CONFIG, batching ? 512 * 1024 : 16 * 1024);
		p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
		p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return p;
	}

	/** Reads what a transactional producer committed, as a downstream consumer of alerts would. */
	static Map<String, Object> outputConsumer(String bootstrap) {
		Map<String, Object> c = new HashMap<>();
		c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return c;
	}

}
