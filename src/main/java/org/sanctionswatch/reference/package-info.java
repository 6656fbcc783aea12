/**
 * The reference data shipped with the service: §231 specified persons and other covered actors, weapon
 * systems, pipelines, goods, countries with their capitals, demonyms and bodies, and the transaction
 * vocabulary. Versioned YAML under {@code classpath:reference/}, never Java code.
 */
@NullMarked
package org.sanctionswatch.reference;

import org.jspecify.annotations.NullMarked;
