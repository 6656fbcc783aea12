package org.sanctionswatch.alertstore;

/** Where an alert stands in triage. Every alert starts {@link #OPEN}. */
public enum TriageStatus {

	OPEN, ACKNOWLEDGED, ESCALATED, DISMISSED

}
