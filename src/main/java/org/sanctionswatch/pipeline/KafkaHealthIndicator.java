package org.sanctionswatch.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Whether the cluster answers, and how many brokers it has. */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final KafkaAdmin admin;

	private volatile @Nullable Admin client;

	KafkaHealthIndicator(KafkaAdmin admin) {
		this.admin = admin;
	}

	@Override
	public Health health() {
		try {
			DescribeClusterResult cluster = client()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
			return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage()).build();
		}
	}

	private Admin client() {
		Admin c = this.client;
		if (c == null) {
			synchronized (this) {
				c = this.client;
				if (c == null) {
					c = Admin.create(this.admin.getConfigurationProperties());
					this.client = c;
				}
			}
		}
		return c;
	}

	@Override
	public void destroy() {
		Admin c = this.client;
		if (c != null) {
			c.close(Duration.ofSeconds(2));
		}
	}

}
