package org.sanctionswatch.dashboard;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.lists.SourceStatus;
import org.sanctionswatch.rules.Rule;
import org.sanctionswatch.rules.RuleFileException;
import org.sanctionswatch.rules.RuleRepository;
import org.sanctionswatch.rules.Ruleset;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN only: the rules in force (and a refused file, with where and why), the sanctions-list sources, and
 * reloading either now instead of at the next poll or scheduled refresh.
 */
@RestController
@RequestMapping("/api/admin")
class AdminApi {

	private final RuleRepository rules;

	private final SanctionsListRegistry lists;

	AdminApi(RuleRepository rules, SanctionsListRegistry lists) {
		this.rules = rules;
		this.lists = lists;
	}

	record RuleView(String id, String title, String citation, String severity, String version, String pack,
			String file) {

		static RuleView of(Rule rule) {
			return new RuleView(rule.id(), rule.title(), rule.citation(), rule.severity().name(), rule.version(),
					rule.pack(), rule.file());
		}

	}

	record Refused(String file, int line, String cause) {
	}

	record RulesView(String rulesetVersion, List<String> packs, List<RuleView> rules, String loadedAt,
			@Nullable Refused refused) {
	}

	@GetMapping("/rules")
	RulesView rules() {
		Ruleset ruleset = this.rules.current();
		RuleFileException error = this.rules.lastError();
		return new RulesView(ruleset.version(), ruleset.packs(), ruleset.rules().stream().map(RuleView::of).toList(),
				this.rules.loadedAt().toString(),
				(error != null) ? new Refused(error.file(), error.line(), error.reason()) : null);
	}

	@PostMapping("/rules/reload")
	RulesView reloadRules() {
		this.rules.reloadIfChanged();
		return rules();
	}

	@GetMapping("/lists")
	Map<String, SourceStatus> lists() {
		return this.lists.status();
	}

	@PostMapping("/lists/refresh")
	Map<String, SourceStatus> refreshLists() {
		this.lists.refreshNow();
		return this.lists.status();
	}

}
