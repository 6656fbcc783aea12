package org.sanctionswatch.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;

/** Typed access to a parsed reference file, failing with the file and field that are wrong. */
final class YamlDocument {

	private final String file;

	private YamlDocument(String file) {
		this.file = file;
	}

	static Map<String, Object> load(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(root instanceof Map<?, ?> map)) {
				throw new IllegalStateException(resource.getFilename() + ": expected a mapping at the top");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> typed = (Map<String, Object>) map;
			return typed;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	static YamlDocument of(String file) {
		return new YamlDocument(file);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> maps(Map<String, Object> node, String key) {
		Object value = node.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw fail(key, "expected a list");
		}
		for (Object item : list) {
			if (!(item instanceof Map)) {
				throw fail(key, "expected a list of mappings, found " + item);
			}
		}
		return (List<Map<String, Object>>) value;
	}

	String string(Map<String, Object> node, String key) {
		String value = optionalString(node, key);
		if (value == null || value.isBlank()) {
			throw fail(key, "required in " + node);
		}
		return value;
	}

	@Nullable String optionalString(Map<String, Object> node, String key) {
		Object value = node.get(key);
		return (value == null) ? null : String.valueOf(value);
	}

	List<String> strings(Map<String, Object> node, String key) {
		Object value = node.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw fail(key, "expected a list in " + node);
		}
		for (Object item : list) {
			// YAML 1.1 reads a bare no, on, off or yes as a boolean: a word list must not lose them silently
			if (item instanceof Boolean) {
				throw fail(key, "'" + item + "' is a boolean to YAML; quote the word it stands for (\"no\", \"on\")");
			}
		}
		return list.stream().map(String::valueOf).toList();
	}

	IllegalStateException fail(String key, String message) {
		return new IllegalStateException(this.file + ": '" + key + "': " + message);
	}

}
