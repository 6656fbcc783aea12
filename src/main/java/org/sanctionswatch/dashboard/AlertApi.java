package org.sanctionswatch.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alertstore.AlertDetail;
import org.sanctionswatch.alertstore.AlertFilter;
import org.sanctionswatch.alertstore.AlertPage;
import org.sanctionswatch.alertstore.AlertSummary;
import org.sanctionswatch.alertstore.AlertStore;
import org.sanctionswatch.alertstore.AlertTriage;
import org.sanctionswatch.alertstore.AlertTriaged;
import org.sanctionswatch.alertstore.CaseDetail;
import org.sanctionswatch.alertstore.DailyCount;
import org.sanctionswatch.alertstore.StoreLagMonitor;
import org.sanctionswatch.alertstore.StoreStatus;
import org.sanctionswatch.alertstore.TriageAction;
import org.sanctionswatch.alertstore.TriageRefusedException;
import org.sanctionswatch.alertstore.TriageStatus;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's JSON API: what the pages show, for scripts and downstream tools too. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Alerts", description = "Stored alerts, cases and triage")
class AlertApi {

	private static final int MAX_PAGE_SIZE = 500;

	private static final int DEFAULT_STATS_DAYS = 30;

	private final AlertStore store;

	private final AlertTriage triage;

	private final int pageSize;

	private final StoreLagMonitor storeStatus;

	AlertApi(AlertStore store, AlertTriage triage, SanctionsWatchProperties properties, StoreLagMonitor storeStatus) {
		this.store = store;
		this.triage = triage;
		this.storeStatus = storeStatus;
		this.pageSize = properties.dashboard().pageSize();
	}

	/**
	 * A page of alerts with the store's status, so that a list read while the store is behind says so.
	 *
	 * @param next the cursor of the following (older) page, or null on the last page
	 */
	record AlertListPage(List<AlertSummary> alerts, @Nullable String next, StoreStatus storeStatus) {
	}

	@GetMapping("/alerts")
	@Operation(summary = "Alerts, newest first, filtered; follow 'next' for older ones. storeStatus.behind says "
			+ "that the store has not yet stored every alert published, so the list may miss recent ones")
	AlertListPage alerts(@RequestParam(required = false) @Nullable String rule,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable TriageStatus status,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable Integer size) {
		int limit = (size == null) ? this.pageSize : Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		StoreStatus storeStatus = this.storeStatus.current();
		AlertPage page = this.store.page(new AlertFilter(blankToNull(rule), blankToNull(severity), status,
				blankToNull(country), from, to, blankToNull(q)), blankToNull(after), limit);
		return new AlertListPage(page.alerts(), page.next(), storeStatus);
	}

	@GetMapping("/store/status")
	@Operation(summary = "Whether the alert store keeps up with the alert topic: its lag from the broker, its last "
			+ "write and its last error")
	StoreStatus storeStatus() {
		return this.storeStatus.current();
	}

	@GetMapping("/alerts/rules")
	@Operation(summary = "The rules that have raised stored alerts")
	List<String> rules() {
		return this.store.ruleIds();
	}

	@GetMapping("/alerts/{alertId}")
	@Operation(summary = "One alert with its article text, evidence, matches, triage status and audit trail")
	ResponseEntity<AlertDetail> alert(@PathVariable String alertId) {
		return ResponseEntity.of(this.store.find(alertId));
	}

	@GetMapping("/alerts/{alertId}/decisions")
	@Operation(summary = "The audit trail of an alert, oldest decision first")
	List<AlertTriaged> decisions(@PathVariable String alertId) {
		return this.store.decisions(alertId);
	}

	record DecisionRequest(@NotNull TriageAction action,
			@NotBlank @Size(max = AlertTriage.MAX_COMMENT_LENGTH) String comment) {
	}

	@PostMapping(path = "/alerts/{alertId}/decisions", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Acknowledge, escalate, dismiss as a false positive or reopen an alert (ANALYST)")
	AlertTriaged decide(@PathVariable String alertId, @Valid @RequestBody DecisionRequest request,
			Authentication user) {
		return this.triage.decide(alertId, request.action(), request.comment(), user.getName());
	}

	@GetMapping("/cases/{caseId}")
	@Operation(summary = "A case: one matter and every article that reported it, oldest first")
	ResponseEntity<CaseDetail> caseDetail(@PathVariable String caseId) {
		return ResponseEntity.of(this.store.findCase(caseId));
	}

	@GetMapping("/stats/alerts-per-day")
	@Operation(summary = "Alerts per day (UTC) and rule; the last 30 days unless from and to say otherwise")
	List<DailyCount> perDay(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate last = (to != null) ? to : LocalDate.now(ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_STATS_DAYS - 1);
		if (first.isAfter(last) || first.plusYears(2).isBefore(last)) {
			throw new IllegalArgumentException("from must be on or before to, and at most two years before it");
		}
		return this.store.perDay(first, last);
	}

	@GetMapping("/me")
	@Operation(summary = "The logged-in user, their roles, and whether they may triage")
	Viewer me(Authentication user) {
		return Viewer.of(user);
	}

	@ExceptionHandler(TriageRefusedException.class)
	ProblemDetail refused(TriageRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
				ex.getMessage());
		problem.setTitle(ex.notFound() ? "No such alert" : "Decision does not apply");
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
