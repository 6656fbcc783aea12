package org.sanctionswatch.rules;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parties and items that made a condition true, by the name the rule binds them to. */
public final class Bindings {

	// A set, not a list: an article with thousands of deals binds thousands of parties, and a contains() scan per
	// added value made screening it quadratic (a 1 MiB body took seconds, 2 MiB half a minute)
	private final Map<String, Set<Object>> bound = new LinkedHashMap<>();

	void add(String name, Object value) {
		this.bound.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
	}

	void addAll(Bindings other) {
		other.bound.forEach((name, values) -> values.forEach(v -> add(name, v)));
	}

	public <T> List<T> get(String name, Class<T> type) {
		return this.bound.getOrDefault(name, Set.of()).stream().filter(type::isInstance).map(type::cast).toList();
	}

}
