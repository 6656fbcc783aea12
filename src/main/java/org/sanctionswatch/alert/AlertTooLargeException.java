package org.sanctionswatch.alert;

/**
 * An alert whose record would exceed what the alert topic accepts. Detected before sending, because a record the
 * broker refuses would fail the whole transaction on every redelivery.
 */
public class AlertTooLargeException extends RuntimeException {

	public AlertTooLargeException(String alertId, int bytes, int limit) {
		super("alert " + alertId + " is " + bytes + " bytes, over the " + limit + "-byte record limit");
	}

}
