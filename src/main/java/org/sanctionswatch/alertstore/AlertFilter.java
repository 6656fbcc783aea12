package org.sanctionswatch.alertstore;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the alert list shows; every criterion is optional.
 *
 * @param country an ISO 3166 alpha-2 code of an exposed party
 * @param from first day (UTC) included
 * @param to last day (UTC) included
 * @param text matched, case-insensitively, against title, rule, article id and the names of parties and systems
 */
public record AlertFilter(@Nullable String ruleId, @Nullable String severity, @Nullable TriageStatus status,
		@Nullable String country, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String text) {

	public static AlertFilter none() {
		return new AlertFilter(null, null, null, null, null, null, null);
	}

}
