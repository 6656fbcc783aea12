package org.sanctionswatch.alertstore;

/** Where recorded decisions go for downstream systems; a failure refuses the decision. */
interface DecisionPublisher {

	void publish(AlertTriaged decision);

}
