package org.sanctionswatch.article;

/**
 * A record that is not a valid article. It is never retried: the same bytes fail the same way, so the
 * record goes to the dead-letter topic with {@link #reason()} as a header.
 */
public class InvalidArticleException extends RuntimeException {

	private final Reason reason;

	public InvalidArticleException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public enum Reason {

		EMPTY("empty"), TOO_LARGE("too-large"), INVALID_UTF8("invalid-utf8"), NOT_JSON("not-json"),
		WRONG_TYPE("wrong-type"), MISSING_FIELD("missing-field"), INVALID_FIELD("invalid-field");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

}
