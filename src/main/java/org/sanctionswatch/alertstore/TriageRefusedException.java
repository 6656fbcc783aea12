package org.sanctionswatch.alertstore;

/** A triage decision that cannot be recorded: the alert is unknown, or the action does not apply to its status. */
public class TriageRefusedException extends RuntimeException {

	private final boolean notFound;

	TriageRefusedException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	public boolean notFound() {
		return this.notFound;
	}

}
