package org.sanctionswatch.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} command-line options with defaults; an unknown name is an error, not a silent default. */
final class Args {

	private final Map<String, String> values = new LinkedHashMap<>();

	private Args() {
	}

	static Args parse(String[] args, Map<String, String> defaults) {
		Args parsed = new Args();
		parsed.values.putAll(defaults);
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				throw new IllegalArgumentException("expected --name=value, got '" + arg + "'; options: " + defaults);
			}
			String name = arg.substring(2, eq);
			if (!defaults.containsKey(name)) {
				throw new IllegalArgumentException("unknown option --" + name + "; options: " + defaults);
			}
			parsed.values.put(name, arg.substring(eq + 1));
		}
		return parsed;
	}

	String get(String name) {
		return this.values.get(name);
	}

	int integer(String name) {
		return Integer.parseInt(get(name).replace("_", ""));
	}

	long number(String name) {
		return Long.parseLong(get(name).replace("_", ""));
	}

	double decimal(String name) {
		return Double.parseDouble(get(name));
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(get(name));
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
