package org.sanctionswatch.screening;

import java.time.Clock;

import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

	@Bean
	ScreeningEngine screeningEngine(ReferenceData reference, GazetteerHolder gazetteer, RuleRepository rules,
			SanctionsWatchProperties properties) {
		return new ScreeningEngine(reference, gazetteer::current, rules::current, properties.alerts().minScore(),
				Clock.systemUTC(), properties.articles().defaultLanguage());
	}

}
