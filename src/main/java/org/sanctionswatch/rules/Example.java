package org.sanctionswatch.rules;

import org.jspecify.annotations.Nullable;

/** A text a rule must fire on, or stay quiet on. */
public record Example(@Nullable String title, String body, int line) {
}
