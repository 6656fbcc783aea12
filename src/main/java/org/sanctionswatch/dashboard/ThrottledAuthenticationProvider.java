package org.sanctionswatch.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords (form log-in and HTTP Basic alike) unless the user name or the client is locked out, and
 * records what fails.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

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
		LoginThrottle.Standing standing = this.throttle.standing(account, client, now);
		if (standing.refusedUntil() != null) {
			throw new LoginThrottledException(Duration.between(now, standing.refusedUntil()));
		}
		Authentication authenticated;
		try {
			authenticated = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(account, client, now);
			throw ex;
		}
		if (authenticated != null && standing.accountHasFailures()) {
			this.throttle.succeeded(account);
		}
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
