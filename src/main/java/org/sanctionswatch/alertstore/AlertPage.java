package org.sanctionswatch.alertstore;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of alerts, newest first.
 *
 * @param next the cursor of the following (older) page, or null on the last page
 */
public record AlertPage(List<AlertSummary> alerts, @Nullable String next) {
}
