package org.sanctionswatch.rules;

public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL

}
