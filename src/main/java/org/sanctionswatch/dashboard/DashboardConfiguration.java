package org.sanctionswatch.dashboard;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/** The live feed's listener container, and the OpenAPI document's header. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	/**
	 * Plain, non-transactional containers: the live feed only forwards what it reads, and a record it misses is
	 * still in the store, where the page finds it on its next load.
	 */
	@Bean(LiveFeed.LIVE_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> dashboardLiveListenerFactory(
			ConsumerFactory<Object, Object> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		return factory;
	}

	@Bean
	OpenAPI sanctionsWatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Sanctions Watch")
				.version("v1")
				.description("Stored alerts, cases and triage decisions of the operator dashboard, and the dry run. "
						+ "Log in with HTTP Basic (any role reads; ANALYST triages)."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
