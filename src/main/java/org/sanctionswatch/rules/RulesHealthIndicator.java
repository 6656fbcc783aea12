package org.sanctionswatch.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** Which rules are in force, and whether a refused file is waiting to be fixed. */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

	private final RuleRepository repository;

	RulesHealthIndicator(RuleRepository repository) {
		this.repository = repository;
	}

	@Override
	public Health health() {
		Ruleset ruleset = this.repository.current();
		RuleFileException error = this.repository.lastError();
		Health.Builder builder = (error == null) ? Health.up() : Health.status(new Status("DEGRADED"));
		builder.withDetail("rulesetVersion", ruleset.version())
			.withDetail("packs", ruleset.packs())
			.withDetail("rules", ruleset.rules().size())
			.withDetail("loadedAt", this.repository.loadedAt().toString());
		if (error != null) {
			builder.withDetail("refused", error.getMessage())
				.withDetail("file", error.file())
				.withDetail("line", error.line());
		}
		return builder.build();
	}

}
