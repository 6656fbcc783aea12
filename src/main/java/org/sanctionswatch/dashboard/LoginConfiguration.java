package org.sanctionswatch.dashboard;

import java.time.Clock;
import java.util.List;

import org.sanctionswatch.SanctionsWatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Who may log in: the users of {@code sanctions-watch.dashboard.users} (there is no built-in one), behind the
 * log-in throttle.
 * <p>
 * The only authentication provider of the application, and deliberately no {@code UserDetailsService} bean:
 * with one, Spring Security would build a second, unthrottled provider that a refused attempt falls back to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LoginConfiguration.class);

	@Bean
	LoginThrottle loginThrottle(JdbcClient jdbc, SanctionsWatchProperties properties) {
		return new LoginThrottle(new LoginFailures(jdbc), properties.dashboard().loginThrottling());
	}

	@Bean
	AuthenticationProvider dashboardLogin(SanctionsWatchProperties properties, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users(properties));
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwords, throttle, Clock.systemUTC());
	}

	static InMemoryUserDetailsManager users(SanctionsWatchProperties properties) {
		List<UserDetails> users = properties.dashboard()
			.users()
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
				.build())
			.toList();
		if (users.isEmpty()) {
			logger.warn("No dashboard users are configured (sanctions-watch.dashboard.users[n].name, .password as a "
					+ "{bcrypt} hash, .roles): nobody can log in to the dashboard or call its API");
		}
		return new InMemoryUserDetailsManager(users);
	}

}
