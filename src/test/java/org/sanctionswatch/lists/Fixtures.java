package org.sanctionswatch.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sanctionswatch.SanctionsWatchProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The fixture files under {@code src/test/resources/lists/} and a properties builder. */
final class Fixtures {

	private Fixtures() {
	}

	static Path ofacDirectory() {
		return resource("/lists/ofac");
	}

	static Path unFile() {
		return resource("/lists/un/consolidated.xml");
	}

	static InputStream open(Path file) {
		try {
			return Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies the OFAC fixture into {@code directory}, so that a test can break or fix it. */
	static Path copyOfac(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (String file : new String[] { "sdn.csv", "alt.csv" }) {
			Files.copy(ofacDirectory().resolve(file), directory.resolve(file),
					StandardCopyOption.REPLACE_EXISTING);
		}
		return directory;
	}

	static Path copyUn(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.copy(unFile(), file, StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	private static Path resource(String name) {
		try {
			return Path.of(Fixtures.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Binds like the application does, so that defaults and names are the real ones. */
	static final class PropertiesBuilder {

		private final Map<String, String> values = new LinkedHashMap<>();

		private int sources;

		PropertiesBuilder source(String id, String format, Object location, boolean optional) {
			String prefix = "sanctions-watch.lists.sources[" + this.sources++ + "].";
			this.values.put(prefix + "id", id);
			this.values.put(prefix + "format", format);
			this.values.put(prefix + "location", location.toString());
			this.values.put(prefix + "optional", Boolean.toString(optional));
			return this;
		}

		PropertiesBuilder refreshInterval(String interval) {
			this.values.put("sanctions-watch.lists.refresh-interval", interval);
			return this;
		}

		SanctionsWatchProperties build() {
			return new Binder(new MapConfigurationPropertySource(this.values))
				.bindOrCreate("sanctions-watch", SanctionsWatchProperties.class);
		}

	}

}
