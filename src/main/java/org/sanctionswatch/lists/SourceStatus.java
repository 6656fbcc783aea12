package org.sanctionswatch.lists;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where one configured source stands.
 *
 * @param version the SHA-256 of the version being served, {@code null} if none
 * @param entries the number of entries being served
 * @param loadedAt when the served version was loaded
 * @param lastError why the last attempt failed, naming file, line and cause where known; {@code null}
 * after a success
 * @param lastAttempt when loading was last attempted, {@code null} before the first attempt
 */
public record SourceStatus(String sourceId, boolean optional, State state, @Nullable String version, int entries,
		@Nullable Instant loadedAt, @Nullable String lastError, @Nullable Instant lastAttempt) {

	public enum State {

		/** The last attempt succeeded. */
		LOADED,

		/** The last refresh failed; the previous version is still being served. */
		DEGRADED,

		/** Never loaded: nothing is served for this source. */
		FAILED,

		/** An optional source whose location does not exist; not an error. */
		ABSENT

	}

}
