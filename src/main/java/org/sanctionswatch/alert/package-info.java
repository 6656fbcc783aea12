/**
 * The alert contract: the {@code AlertRaised} event with the evidence that explains it, published on the
 * alert topic as a CloudEvent in Kafka binary mode.
 */
@NullMarked
package org.sanctionswatch.alert;

import org.jspecify.annotations.NullMarked;
