/**
 * The dashboard's alert store: one more subscriber of the alert topic (and of the article topic, for the text
 * the evidence points into), with its own consumer group. Alerts are stored once per alertId, grouped into
 * cases, and triaged with an append-only audit trail whose decisions are also published as CloudEvents.
 */
@NullMarked
package org.sanctionswatch.alertstore;

import org.jspecify.annotations.NullMarked;
