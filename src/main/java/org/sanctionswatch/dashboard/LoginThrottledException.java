package org.sanctionswatch.dashboard;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A log-in refused without looking at the password, after too many failures. An account status, so that no
 * other authentication provider gets to try the same credentials.
 */
class LoginThrottledException extends AccountStatusException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed log-ins: try again in " + minutes(retryAfter) + " min");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	static long minutes(Duration duration) {
		return Math.max(1, (duration.toSeconds() + 59) / 60);
	}

}
