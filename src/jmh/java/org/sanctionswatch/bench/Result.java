package org.sanctionswatch.bench;

import java.util.Locale;

/** The one line each benchmark ends with: {@code RESULT name=value name=value ...}, copied into the docs. */
final class Result {

	private final StringBuilder line = new StringBuilder("RESULT");

	Result put(String name, Object value) {
		this.line.append(' ').append(name).append('=').append(value);
		return this;
	}

	Result put(String name, long value) {
		return put(name, (Object) value);
	}

	Result put(String name, double value) {
		return put(name, (Object) format(value));
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return "inf";
		}
		double abs = Math.abs(value);
		if (abs >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (abs >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	String print() {
		String text = this.line.toString();
		System.out.println(text);
		return text;
	}

}
