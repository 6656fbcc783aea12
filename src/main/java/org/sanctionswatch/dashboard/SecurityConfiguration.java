package org.sanctionswatch.dashboard;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
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

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// what scripts and tools call: no log-in page to redirect them to, a status they can act on
		RequestMatcher machineReadable = new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/actuator/**"),
				paths.matcher("/v3/api-docs/**"), paths.matcher("/v3/api-docs.yaml"));
		ExceptionMappingAuthenticationFailureHandler loginFailure = new ExceptionMappingAuthenticationFailureHandler();
		loginFailure.setDefaultFailureUrl("/login?error");
		loginFailure.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?locked"));
		http.authorizeHttpRequests((requests) -> requests
			// probes and the scraper; health details only for ADMIN (management.endpoint.health.roles)
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
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailure)
				.permitAll())
			// no WWW-Authenticate challenge: a browser never caches Basic credentials, so they never ride along on a
			// forged cross-site request, which is what lets requests without a session cookie skip the CSRF token
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::refuseBasic))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machineReadable))
			// CSRF rides on credentials a browser adds by itself, and the only such credential here is the session
			// cookie (Basic credentials are never cached: no challenge is ever sent). So a request without a session
			// cookie is exempt: a script's Basic call, or an anonymous one, which then gets its 401. The log-in form is
			// not, so that nobody can be logged into someone else's account. A request with a session cookie needs
			// the token even with a Basic header: Spring Security takes a Basic header naming the session's own user
			// at its word, without checking the password
			.csrf((csrf) -> csrf.ignoringRequestMatchers(new AndRequestMatcher(SecurityConfiguration::withoutSessionCookie,
					new NegatedRequestMatcher(paths.matcher(HttpMethod.POST, "/login")))))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	/** 401 for wrong or missing Basic credentials; 429 with Retry-After while the log-in throttle refuses them. */
	private static void refuseBasic(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof LoginThrottledException throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"title\":\"Too many failed log-ins\",\"status\":429,\"detail\":\""
						+ throttled.getMessage() + "\"}");
			return;
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
	}

	private static boolean withoutSessionCookie(HttpServletRequest request) {
		return request.getRequestedSessionId() == null;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
