package org.sanctionswatch.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules in force. Bundled packs load first; a configured directory adds packs or overrides a bundled
 * pack of the same name. The directory is polled: a changed file set is loaded whole, and a file that is
 * refused (with file, line and cause) leaves the previous rules serving.
 */
public final class RuleRepository {

	private static final Logger log = LoggerFactory.getLogger(RuleRepository.class);

	private final RulePackParser parser;

	private final boolean bundled;

	private final @Nullable Path directory;

	private final AtomicReference<Ruleset> current = new AtomicReference<>();

	private volatile String fingerprint = "";

	private volatile @Nullable RuleFileException lastError;

	private volatile Instant loadedAt = Instant.EPOCH;

	public RuleRepository(Set<String> knownKinds, boolean bundled, @Nullable Path directory) {
		this.parser = new RulePackParser(knownKinds);
		this.bundled = bundled;
		this.directory = directory;
		Map<String, String> files = read();
		this.fingerprint = fingerprint(files);
		this.loadedAt = Instant.now();
		try {
			this.current.set(load(files));
		}
		catch (RuleFileException ex) {
			if (!bundled || directory == null) {
				throw ex;
			}
			// a replica must start even while someone's rule file is broken: serve the bundled packs
			this.lastError = ex;
			Map<String, String> bundledOnly = new LinkedHashMap<>(files);
			bundledOnly.keySet().removeIf(name -> !name.startsWith("classpath:"));
			this.current.set(load(bundledOnly));
			log.error("Rule file refused at start-up, serving the bundled rules only: {}", ex.getMessage());
		}
	}

	public Ruleset current() {
		return this.current.get();
	}

	public @Nullable RuleFileException lastError() {
		return this.lastError;
	}

	public Instant loadedAt() {
		return this.loadedAt;
	}

	public @Nullable Path directory() {
		return this.directory;
	}

	/** Reloads when the rule directory changed; returns true when new rules are in force. */
	public synchronized boolean reloadIfChanged() {
		Map<String, String> files;
		try {
			files = read();
		}
		catch (RuleFileException ex) {
			refuse(ex);
			return false;
		}
		String print = fingerprint(files);
		if (print.equals(this.fingerprint)) {
			return false;
		}
		try {
			Ruleset ruleset = load(files);
			this.current.set(ruleset);
			this.fingerprint = print;
			this.lastError = null;
			this.loadedAt = Instant.now();
			log.info("Rules reloaded: {} rules from packs {}, ruleset {}", ruleset.rules().size(), ruleset.packs(),
					ruleset.version());
			return true;
		}
		catch (RuleFileException ex) {
			this.fingerprint = print;
			refuse(ex);
			return false;
		}
	}

	private void refuse(RuleFileException ex) {
		this.lastError = ex;
		log.error("Rule file refused, previous rules ({}) keep serving: {}", current().version(), ex.getMessage());
	}

	private Map<String, String> read() {
		Map<String, String> files = new LinkedHashMap<>();
		if (this.bundled) {
			try {
				Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.yaml");
				for (Resource r : resources) {
					try (InputStream in = r.getInputStream()) {
						files.put("classpath:rules/" + r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read bundled rules: " + ex.getMessage(), ex);
			}
		}
		if (this.directory != null && Files.isDirectory(this.directory)) {
			try (Stream<Path> paths = Files.list(this.directory)) {
				for (Path p : paths.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList()) {
					files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				throw new RuleFileException(this.directory.toString(), 0, "cannot read: " + ex.getMessage());
			}
		}
		return files;
	}

	private Ruleset load(Map<String, String> files) {
		Map<String, RulePackParser.Pack> packs = new LinkedHashMap<>();
		files.forEach((file, content) -> {
			RulePackParser.Pack pack = this.parser.parse(file, content);
			packs.put(pack.id(), pack); // a directory pack overrides the bundled pack of the same name
		});
		Map<String, Rule> byId = new TreeMap<>();
		List<String> names = new ArrayList<>();
		for (RulePackParser.Pack pack : packs.values()) {
			names.add(pack.id() + "@" + pack.version());
			for (Rule rule : pack.rules()) {
				Rule other = byId.put(rule.id(), rule);
				if (other != null) {
					throw new RuleFileException(rule.file(), pack.line(rule.id()),
							"rule " + rule.id() + " is also defined in pack '" + other.pack() + "' (" + other.file() + ")");
				}
			}
		}
		StringBuilder signature = new StringBuilder();
		byId.values().forEach(r -> signature.append(r.id()).append('@').append(r.version()).append(';'));
		return new Ruleset(new ArrayList<>(byId.values()), names, "rs-" + sha(signature.toString()));
	}

	private static String fingerprint(Map<String, String> files) {
		StringBuilder all = new StringBuilder();
		files.forEach((name, content) -> all.append(name).append('\u0000').append(content).append('\u0000'));
		return sha(all.toString());
	}

	private static String sha(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
