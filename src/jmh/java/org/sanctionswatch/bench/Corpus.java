package org.sanctionswatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.sanctionswatch.article.Article;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark corpus: the demo articles, then generated English news articles. Generation is a pure function
 * of (seed, count, share): same arguments, same corpus, on any JDK (the generator carries its own PRNG).
 */
final class Corpus {

	private Corpus() {
	}

	/** The demo articles followed by {@code generated} articles of {@link ArticleGenerator}. */
	static List<Article> of(long seed, int generated, double mentionShare) {
		List<Article> articles = new ArrayList<>(demo());
		ArticleGenerator generator = new ArticleGenerator(seed, mentionShare);
		for (int i = 0; i < generated; i++) {
			articles.add(generator.next());
		}
		return articles;
	}

	static List<Article> demo() {
		JsonMapper json = JsonMapper.builder().build();
		List<Article> out = new ArrayList<>();
		try (InputStream in = Corpus.class.getResourceAsStream("/demo/articles.jsonl")) {
			if (in == null) {
				throw new IllegalStateException("demo/articles.jsonl is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode n = json.readTree(line);
				out.add(new Article(n.get("id").asString(), text(n, "title"), n.get("body").asString(), text(n, "url"),
						text(n, "source"), text(n, "publishedAt"), n.path("language").asString("en")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** UTF-8 size of title and body, what the MB/s figures count. */
	static long bytes(Article article) {
		long n = article.body().getBytes(StandardCharsets.UTF_8).length;
		return (article.title() != null) ? n + article.title().getBytes(StandardCharsets.UTF_8).length : n;
	}

	static long bytes(List<Article> articles) {
		return articles.stream().mapToLong(Corpus::bytes).sum();
	}

	/** A short fingerprint of the whole corpus, printed with the results so runs can be compared. */
	static String fingerprint(List<Article> articles) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Article a : articles) {
				sha.update(a.id().getBytes(StandardCharsets.UTF_8));
				sha.update(String.valueOf(a.title()).getBytes(StandardCharsets.UTF_8));
				sha.update(a.body().getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The article as the service expects it on the wire. */
	static byte[] json(Article a, JsonMapper json) {
		java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("id", a.id());
		m.put("title", a.title());
		m.put("body", a.body());
		m.put("url", a.url());
		m.put("source", a.source());
		m.put("publishedAt", a.publishedAt());
		m.put("language", a.language());
		return json.writeValueAsBytes(m);
	}

}
