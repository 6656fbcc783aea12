package org.sanctionswatch.dashboard;

import org.sanctionswatch.SanctionsWatchProperties;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's pages. Each is a shell that names its script; the scripts fetch JSON from the API and build
 * the DOM with text nodes, so article text never passes through an HTML parser.
 */
@Controller
class PageController {

	private final long lockOutMinutes;

	PageController(SanctionsWatchProperties properties) {
		this.lockOutMinutes = LoginThrottledException.minutes(properties.dashboard().loginThrottling().lockOut());
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("lockOutMinutes", this.lockOutMinutes);
		return "login";
	}

	@GetMapping("/")
	String alerts(Model model, Authentication user) {
		return page(model, user, "alerts");
	}

	@GetMapping("/alerts/{alertId}")
	String alert(@PathVariable String alertId, Model model, Authentication user) {
		model.addAttribute("alertId", alertId);
		return page(model, user, "alert");
	}

	@GetMapping("/cases/{caseId}")
	String caseView(@PathVariable String caseId, Model model, Authentication user) {
		model.addAttribute("caseId", caseId);
		return page(model, user, "case");
	}

	@GetMapping("/stats")
	String stats(Model model, Authentication user) {
		return page(model, user, "stats");
	}

	@GetMapping("/dry-run")
	String dryRun(Model model, Authentication user) {
		return page(model, user, "dry-run");
	}

	private static String page(Model model, Authentication user, String name) {
		model.addAttribute("viewer", Viewer.of(user));
		model.addAttribute("page", name);
		return name;
	}

}
