package org.sanctionswatch.alertstore;

import java.util.Set;

/** An analyst's decision on an alert, with the statuses it may be taken from and the one it leads to. */
public enum TriageAction {

	ACKNOWLEDGE(TriageStatus.ACKNOWLEDGED, Set.of(TriageStatus.OPEN)),

	ESCALATE(TriageStatus.ESCALATED, Set.of(TriageStatus.OPEN, TriageStatus.ACKNOWLEDGED)),

	/** Dismissed as a false positive. */
	DISMISS(TriageStatus.DISMISSED, Set.of(TriageStatus.OPEN, TriageStatus.ACKNOWLEDGED, TriageStatus.ESCALATED)),

	REOPEN(TriageStatus.OPEN, Set.of(TriageStatus.ACKNOWLEDGED, TriageStatus.ESCALATED, TriageStatus.DISMISSED));

	private final TriageStatus target;

	private final Set<TriageStatus> from;

	TriageAction(TriageStatus target, Set<TriageStatus> from) {
		this.target = target;
		this.from = from;
	}

	public TriageStatus target() {
		return this.target;
	}

	public boolean allowedFrom(TriageStatus status) {
		return this.from.contains(status);
	}

}
