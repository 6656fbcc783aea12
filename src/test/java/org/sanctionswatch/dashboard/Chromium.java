package org.sanctionswatch.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Playwright would download a browser of its own on first use; that is
 * switched off, because the build machines are offline and the system package is what CI installs (.ci/run).
 * Without the package the browser tests are skipped, except in CI (CI=true), where that is a failure.
 */
final class Chromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	static Chromium launch() {
		if (!Files.isExecutable(EXECUTABLE)) {
			String message = "No Chromium at " + EXECUTABLE + ": install Debian's chromium package (apt-get install chromium; "
					+ ".ci/run does) to run the dashboard's browser tests";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message + ". CI=true, so this is a failure, not a skip.");
			}
			Assumptions.abort(message);
		}
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
							"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
			return new Chromium(playwright, browser);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
