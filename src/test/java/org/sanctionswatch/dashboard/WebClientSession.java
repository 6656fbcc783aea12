package org.sanctionswatch.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does over plain HTTP: keeps cookies, reads the CSRF token from the page it got, logs in with the
 * form. Also sends one-off requests without a cookie jar, with HTTP Basic credentials if given. Redirects are
 * never followed, so that a test sees them.
 */
final class WebClientSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrfToken;

	/** A reply as a test needs it: the stream's body is not waited for, only its status and headers. */
	record Reply(int status, HttpHeaders headers, String body) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	WebClientSession(int port) {
		this(port, true);
	}

	private WebClientSession(int port, boolean keepCookies) {
		this.base = "http://localhost:" + port;
		// HTTP/1.1 as browsers speak it to a plain-HTTP server, without the client's h2c upgrade attempt
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10));
		this.http = (keepCookies ? builder.cookieHandler(this.cookies) : builder).build();
	}

	private static final Map<Integer, WebClientSession> stateless = new java.util.concurrent.ConcurrentHashMap<>();

	/** A fresh visitor who has opened the log-in page: a session and its token, nobody logged in. */
	static WebClientSession atLoginPage(int port, String... headers) {
		WebClientSession session = new WebClientSession(port);
		Reply page = session.send("GET", "/login", null, "text/html", false, headers);
		session.csrfToken = token(FORM_TOKEN, page);
		return session;
	}

	/** A user logged in with the form, holding the token of the dashboard page they landed on. */
	static WebClientSession loggedIn(int port, String user, String password) {
		WebClientSession session = atLoginPage(port);
		Reply login = session.submitLogin(user, password, true);
		if (login.status() != 302 || !login.header("Location").endsWith("/")) {
			throw new IllegalStateException("Log-in of " + user + " failed: " + login.status() + " " + login.header("Location"));
		}
		session.csrfToken = token(META_TOKEN, session.send("GET", "/", null, "text/html", false));
		return session;
	}

	Reply submitLogin(String user, String password, boolean withToken, String... headers) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", user);
		form.put("password", password);
		if (withToken) {
			form.put("_csrf", this.csrfToken);
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/x-www-form-urlencoded";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return send("POST", "/login", body, "text/html", false, all);
	}

	/** The id Spring Session's cookie names, or null without one. */
	String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> "SESSION".equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.map((value) -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8))
			.findFirst()
			.orElse(null);
	}

	String csrfToken() {
		return this.csrfToken;
	}

	/**
	 * A request in this session; with the token in the header the page's scripts use. {@code headers} are
	 * name/value pairs.
	 */
	Reply send(String method, String path, String body, String accept, boolean withToken, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60));
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (withToken) {
			request.header("X-CSRF-TOKEN", this.csrfToken);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			String text;
			try (InputStream in = response.body()) {
				// an event stream never ends: its status and headers are the answer
				text = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			return new Reply(response.statusCode(), response.headers(), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One request without cookies: what a script sends. */
	static Reply request(int port, String method, String path, String body, String accept, String basicCredentials,
			String... headers) {
		String[] all = headers;
		if (basicCredentials != null) {
			all = new String[headers.length + 2];
			all[0] = "Authorization";
			all[1] = basic(basicCredentials);
			System.arraycopy(headers, 0, all, 2, headers.length);
		}
		return stateless.computeIfAbsent(port, (p) -> new WebClientSession(p, false)).send(method, path, body, accept, false, all);
	}

	static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String token(Pattern pattern, Reply page) {
		Matcher matcher = pattern.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page (" + page.status() + ")");
		}
		return matcher.group(1).replace("&#45;", "-").replace("&#x2d;", "-");
	}

}
