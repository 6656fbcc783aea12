package org.sanctionswatch.rules;

/** A rule file that cannot be used, with where and why. */
public class RuleFileException extends RuntimeException {

	private final String file;

	private final int line;

	private final String cause;

	public RuleFileException(String file, int line, String cause) {
		super(file + ":" + line + ": " + cause);
		this.file = file;
		this.line = line;
		this.cause = cause;
	}

	public String file() {
		return this.file;
	}

	public int line() {
		return this.line;
	}

	public String reason() {
		return this.cause;
	}

}
