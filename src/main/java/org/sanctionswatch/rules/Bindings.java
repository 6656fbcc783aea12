package org.sanctionswatch.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parties and items that made a condition true, by the name the rule binds them to. */
public final class Bindings {

	private final Map<String, List<Object>> bound = new LinkedHashMap<>();

	void add(String name, Object value) {
		List<Object> values = this.bound.computeIfAbsent(name, k -> new ArrayList<>());
		if (!values.contains(value)) {
			values.add(value);
		}
	}

	void addAll(Bindings other) {
		other.bound.forEach((name, values) -> values.forEach(v -> add(name, v)));
	}

	public <T> List<T> get(String name, Class<T> type) {
		return this.bound.getOrDefault(name, List.of()).stream().filter(type::isInstance).map(type::cast).toList();
	}

}
