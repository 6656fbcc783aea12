package org.sanctionswatch.lists;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the bytes behind a source location: a filesystem path, a {@code file:} URI, or an http(s) URL.
 * Whole files are read into memory because the version hash and a possible retry need the exact bytes,
 * and the lists are a few megabytes.
 */
class ListFetcher {

	private final HttpClient http;

	private final Duration requestTimeout;

	ListFetcher(Duration connectTimeout, Duration requestTimeout) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.requestTimeout = requestTimeout;
	}

	/**
	 * @param location the configured location
	 * @param child a file inside it (OFAC's {@code sdn.csv}), or {@code null} for the location itself
	 * @throws SourceAbsentException when the location itself does not exist (a missing path, HTTP 404/410)
	 */
	byte[] fetch(String location, @Nullable String child) throws IOException {
		if (isHttp(location)) {
			return fetchHttp(location, child);
		}
		Path root = location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
		if (!Files.exists(root)) {
			throw new SourceAbsentException(location);
		}
		Path file = (child != null) ? root.resolve(child) : root;
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new NoSuchFileException(file.toString(), null, "file not found in an existing location");
		}
	}

	private byte[] fetchHttp(String location, @Nullable String child) throws IOException {
		URI uri = URI.create((child == null) ? location : location.endsWith("/") ? location + child : location + "/" + child);
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.requestTimeout).GET().build();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while fetching " + uri);
		}
		int status = response.statusCode();
		if (status == 404 || status == 410) {
			throw new SourceAbsentException(uri.toString());
		}
		if (status / 100 != 2) {
			throw new IOException("HTTP " + status + " from " + uri);
		}
		return response.body();
	}

	static boolean isHttp(String location) {
		String lower = location.toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://");
	}

}
