package org.sanctionswatch.rules;

import java.nio.file.Path;

import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.reference.ReferenceData;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RuleRepository ruleRepository(ReferenceData reference, SanctionsWatchProperties properties) {
		SanctionsWatchProperties.Rules rules = properties.rules();
		String directory = rules.directory();
		return new RuleRepository(reference.transactionKinds(), rules.bundled(),
				(directory == null || directory.isBlank()) ? null : Path.of(directory));
	}

	@Bean
	RuleDirectoryWatcher ruleDirectoryWatcher(RuleRepository repository, SanctionsWatchProperties properties,
			org.springframework.scheduling.TaskScheduler scheduler) {
		return new RuleDirectoryWatcher(repository, properties.rules().pollInterval(), scheduler);
	}

}
