package org.sanctionswatch.alertstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the store keeps them: UTC, to the microsecond, because that is what PostgreSQL keeps and keyset
 * cursors must compare equal to stored values.
 */
final class Timestamps {

	private Timestamps() {
	}

	static OffsetDateTime parse(String rfc3339) {
		return of(OffsetDateTime.parse(rfc3339).toInstant());
	}

	static OffsetDateTime of(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	static OffsetDateTime now() {
		return of(Instant.now());
	}

	static String format(OffsetDateTime time) {
		return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
	}

}
