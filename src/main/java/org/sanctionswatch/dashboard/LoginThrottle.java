package org.sanctionswatch.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.SanctionsWatchProperties.Dashboard.LoginThrottling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to refuse a log-in before even checking the password: a user name, or a client address, with too many
 * recent failures. Refused attempts are not recorded, so a lock-out ends on time however often it is tried.
 */
class LoginThrottle {

	static final int MAX_ACCOUNT_LENGTH = 200;

	static final int MAX_CLIENT_LENGTH = 64;

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private final LoginFailures failures;

	private final LoginThrottling settings;

	LoginThrottle(LoginFailures failures, LoginThrottling settings) {
		this.failures = failures;
		this.settings = settings;
	}

	/**
	 * @param refusedUntil when log-ins are accepted again, or null when they are now
	 * @param accountHasFailures whether a successful log-in has failures of its user name to forget
	 */
	record Standing(@Nullable Instant refusedUntil, boolean accountHasFailures) {
	}

	/** User names are case-insensitive, as the user store treats them. */
	static String account(@Nullable String name) {
		String account = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
		return (account.length() > MAX_ACCOUNT_LENGTH) ? account.substring(0, MAX_ACCOUNT_LENGTH) : account;
	}

	static String client(@Nullable String address) {
		String client = (address != null) ? address : "unknown";
		return (client.length() > MAX_CLIENT_LENGTH) ? client.substring(0, MAX_CLIENT_LENGTH) : client;
	}

	Standing standing(String account, String client, Instant now) {
		List<LoginFailures.Failure> recent = this.failures.since(account, client,
				now.minus(this.settings.window()).minus(this.settings.lockOut()));
		Instant byAccount = lockedUntil(recent, (f) -> f.account().equals(account), this.settings.maxFailures());
		Instant byClient = (this.settings.maxFailuresPerClient() > 0)
				? lockedUntil(recent, (f) -> f.client().equals(client), this.settings.maxFailuresPerClient()) : null;
		Instant until = later(byAccount, byClient);
		return new Standing((until != null && until.isAfter(now)) ? until : null,
				recent.stream().anyMatch((f) -> f.account().equals(account)));
	}

	void failed(String account, String client, Instant now) {
		this.failures.record(account, client, now);
		this.failures.purge(now.minus(this.settings.window()).minus(this.settings.lockOut()));
		Instant until = standing(account, client, now).refusedUntil();
		if (until != null) {
			// not the user name: people type their password into that field often enough
			logger.warn("Too many failed log-ins for a user name or from client {}: refused until {}", client, until);
		}
	}

	void succeeded(String account) {
		this.failures.forget(account);
	}

	/** The end of the latest lock-out: the last failure of {@code max} within one window, plus the lock-out. */
	private @Nullable Instant lockedUntil(List<LoginFailures.Failure> recent, Predicate<LoginFailures.Failure> counted,
			int max) {
		List<Instant> times = recent.stream().filter(counted).map(LoginFailures.Failure::failedAt).sorted().toList();
		Duration window = this.settings.window();
		for (int last = times.size() - 1; last >= max - 1; last--) {
			if (Duration.between(times.get(last - max + 1), times.get(last)).compareTo(window) < 0) {
				return times.get(last).plus(this.settings.lockOut());
			}
		}
		return null;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
