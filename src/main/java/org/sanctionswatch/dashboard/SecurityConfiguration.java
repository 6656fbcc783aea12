package org.sanctionswatch.dashboard;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctionswatch.SanctionsWatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login for everything but health probes and metrics. VIEWER reads, ANALYST also triages, ADMIN also manages
 * rules and lists. Browsers log in with a form and keep a session (stored in the database, so it survives the
 * replica that created it); scripts send HTTP Basic credentials with each request.
 * <p>
 * Article text is untrusted: pages never evaluate it, and the Content-Security-Policy allows only the app's own
 * script files, so that even a mistake in escaping could not run a script.
 */
@Configuration(proxyBeanMethods = false)
// a context without a web server (tests of the pipeline alone) has no HTTP security to configure
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/alerts/*/decisions")
			.hasAnyRole("ANALYST", "ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			// no WWW-Authenticate challenge: a browser never caches Basic credentials, so they never ride along on a
			// forged cross-site request, which is what lets Basic requests skip the CSRF token below
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesBasicCredentials))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	private static boolean carriesBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The users of {@code sanctions-watch.dashboard.users}; there is no built-in one. */
	@Bean
	UserDetailsService dashboardUsers(SanctionsWatchProperties properties) {
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
