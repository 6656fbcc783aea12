package org.sanctionswatch.alertstore;

import java.time.LocalDate;

/** How many alerts one rule raised on one day (UTC). */
public record DailyCount(LocalDate day, String ruleId, long alerts) {
}
