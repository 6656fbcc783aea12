/**
 * The Kafka pipeline: articles in, alerts out, inside one Kafka transaction per poll; unreadable records
 * to the dead-letter topic with the reason, in the same transaction; broker outages retried, never dropped.
 */
@NullMarked
package org.sanctionswatch.pipeline;

import org.jspecify.annotations.NullMarked;
