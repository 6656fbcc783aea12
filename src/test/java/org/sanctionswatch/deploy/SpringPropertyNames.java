package org.sanctionswatch.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Which Spring property an environment variable sets, resolved the way Spring Boot resolves it (relaxed binding
 * of the system environment), and whether the application reads that property: a property in the
 * spring-configuration-metadata.json of a Boot module on the classpath, or a variable that
 * application.properties names in a placeholder.
 */
final class SpringPropertyNames {

	/** Property name to whether it is a map (any key below it is a property too). */
	private final Map<String, Boolean> bootProperties;

	private final Set<String> placeholders;

	private SpringPropertyNames(Map<String, Boolean> bootProperties, Set<String> placeholders) {
		this.bootProperties = bootProperties;
		this.placeholders = placeholders;
	}

	static SpringPropertyNames load() {
		Map<String, Boolean> properties = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(SpringPropertyNames.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String type = property.path("type").asString("");
						properties.put(property.path("name").asString(), type.startsWith("java.util.Map"));
					}
				}
			}
			Set<String> placeholders = new HashSet<>();
			String application = new ClassPathResource("application.properties").getContentAsString(
					java.nio.charset.StandardCharsets.UTF_8);
			Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(application);
			while (placeholder.find()) {
				placeholders.add(placeholder.group(1));
			}
			return new SpringPropertyNames(properties, placeholders);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.bootProperties.size();
	}

	boolean isBootProperty(String name) {
		return this.bootProperties.containsKey(name);
	}

	/** Variables application.properties reads through a placeholder, such as KAFKA_BOOTSTRAP_SERVERS. */
	Set<String> placeholders() {
		return this.placeholders;
	}

	/** The Boot property the variable sets, or {@code null} when it sets none. */
	String bootPropertyOf(String variable) {
		ConfigurationPropertySource source = environmentSource(Map.of(variable, "x"));
		for (Map.Entry<String, Boolean> property : this.bootProperties.entrySet()) {
			if (!ConfigurationPropertyName.isValid(property.getKey())) {
				continue;
			}
			ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getKey());
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return property.getKey();
			}
			if (property.getValue() && source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return property.getKey() + ".*";
			}
		}
		return null;
	}

	/** A property source that Spring treats exactly like the process environment. */
	static ConfigurationPropertySource environmentSource(Map<String, ?> variables) {
		return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
	}

	static Iterable<ConfigurationPropertySource> environmentSources(Map<String, ?> variables) {
		return ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
	}

}
