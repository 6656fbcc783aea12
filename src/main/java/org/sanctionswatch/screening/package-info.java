/**
 * Screening: analyse an article against the gazetteer (reference data plus the loaded sanctions lists),
 * evaluate the rules in force, and build the explained alerts. Also the dry run for rule authors.
 */
@NullMarked
package org.sanctionswatch.screening;

import org.jspecify.annotations.NullMarked;
