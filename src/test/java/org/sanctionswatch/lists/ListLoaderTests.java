package org.sanctionswatch.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanctionswatch.SanctionsWatchProperties.Lists.Format;
import org.sanctionswatch.SanctionsWatchProperties.Lists.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ListLoaderTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final ListLoader loader = new ListLoader(new ListFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void loadsOfacFromADirectoryAndHashesBothFiles() throws Exception {
		SanctionsList list = this.loader.load(source(Format.OFAC_SDN_CSV, Fixtures.ofacDirectory().toString()));
		assertThat(list.sourceId()).isEqualTo("test");
		assertThat(list.listId()).isEqualTo("ofac-sdn");
		assertThat(list.loadedAt()).isEqualTo(NOW);
		assertThat(list.entries()).hasSize(6);
		assertThat(list.version()).isEqualTo(sha256(Fixtures.ofacDirectory().resolve("sdn.csv"),
				Fixtures.ofacDirectory().resolve("alt.csv")));
	}

	@Test
	void loadsUnFromAFileUri() throws Exception {
		SanctionsList list = this.loader.load(source(Format.UN_CONSOLIDATED_XML, Fixtures.unFile().toUri().toString()));
		assertThat(list.listId()).isEqualTo("un-sc-consolidated");
		assertThat(list.entries()).hasSize(4);
		assertThat(list.version()).isEqualTo(sha256(Fixtures.unFile()));
	}

	@Test
	void loadsOfacAndUnOverHttp() throws Exception {
		String base = serve(Map.of("/ofac/sdn.csv", Files.readAllBytes(Fixtures.ofacDirectory().resolve("sdn.csv")),
				"/ofac/alt.csv", Files.readAllBytes(Fixtures.ofacDirectory().resolve("alt.csv")),
				"/un/consolidated.xml", Files.readAllBytes(Fixtures.unFile())));
		SanctionsList ofac = this.loader.load(source(Format.OFAC_SDN_CSV, base + "/ofac"));
		assertThat(ofac.entries()).hasSize(6);
		assertThat(ofac.version()).isEqualTo(this.loader.load(source(Format.OFAC_SDN_CSV, base + "/ofac/")).version());
		assertThat(this.loader.load(source(Format.UN_CONSOLIDATED_XML, base + "/un/consolidated.xml")).entries())
			.hasSize(4);
	}

	@Test
	void reportsAMissingLocationAsAbsent(@TempDir Path dir) throws Exception {
		assertThatExceptionOfType(SourceAbsentException.class)
			.isThrownBy(() -> this.loader.load(source(Format.OFAC_SDN_CSV, dir.resolve("nope").toString())));
		String base = serve(Map.of());
		assertThatExceptionOfType(SourceAbsentException.class)
			.isThrownBy(() -> this.loader.load(source(Format.UN_CONSOLIDATED_XML, base + "/consolidated.xml")));
	}

	@Test
	void reportsAMissingFileInAnExistingDirectoryAsAnError(@TempDir Path dir) {
		assertThatIOException().isThrownBy(() -> this.loader.load(source(Format.OFAC_SDN_CSV, dir.toString())))
			.isNotInstanceOf(SourceAbsentException.class)
			.withMessageContaining("sdn.csv");
	}

	@Test
	void reportsAServerError() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.server.start();
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/consolidated.xml";
		assertThatIOException().isThrownBy(() -> this.loader.load(source(Format.UN_CONSOLIDATED_XML, url)))
			.withMessage("HTTP 503 from " + url);
	}

	@Test
	void namesTheFileInFormatErrorsFromAUrl() {
		assertThat(ListLoader.fileName("https://example.org/lists/consolidated.xml?x=1")).isEqualTo("consolidated.xml");
		assertThat(ListLoader.fileName("/data/un/")).isEqualTo("un");
	}

	private String serve(Map<String, byte[]> files) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body = files.get(exchange.getRequestURI().getPath().replace("//", "/"));
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			exchange.close();
		});
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static Source source(Format format, String location) {
		return new Source("test", format, location, false);
	}

	private static String sha256(Path... files) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (Path file : files) {
			digest.update(Files.readAllBytes(file));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
