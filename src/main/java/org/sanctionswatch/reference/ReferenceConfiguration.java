package org.sanctionswatch.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

	@Bean
	ReferenceData referenceData() {
		return ReferenceData.bundled();
	}

}
