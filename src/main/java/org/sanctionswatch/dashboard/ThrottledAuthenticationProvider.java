package org.sanctionswatch.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords (form log-in and HTTP Basic alike) unless the user name or the client is locked out, and
 * records what fails.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Clock clock;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, Clock clock) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		String account = LoginThrottle.account(authentication.getName());
		String client = LoginThrottle.client((authentication.getDetails() instanceof WebAuthenticationDetails web)
				? web.getRemoteAddress() : null);
		Instant now = this.clock.instant();
		LoginThrottle.Standing standing = standing(account, client, now);
		if (standing.refusedUntil() != null) {
			throw new LoginThrottledException(Duration.between(now, standing.refusedUntil()));
		}
		Authentication authenticated;
		try {
			authenticated = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			try {
				this.throttle.failed(account, client, now);
			}
			catch (DataAccessException unrecorded) {
				logger.warn("A failed log-in from client {} could not be recorded: {}", client, unrecorded.getMessage());
			}
			throw ex;
		}
		if (authenticated != null && standing.accountHasFailures()) {
			try {
				this.throttle.succeeded(account);
			}
			catch (DataAccessException ex) {
				logger.warn("Earlier failed log-ins could not be cleared: {}", ex.getMessage());
			}
		}
		return authenticated;
	}

	/**
	 * The throttle's verdict; while its database is unreachable, none: the password is still checked, and an
	 * operator can still reach health and the admin API with it during the very outage they need to watch.
	 */
	private LoginThrottle.Standing standing(String account, String client, Instant now) {
		try {
			return this.throttle.standing(account, client, now);
		}
		catch (DataAccessException ex) {
			logger.warn("Log-in throttle unavailable, checking the password only: {}", ex.getMessage());
			return new LoginThrottle.Standing(null, false);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
