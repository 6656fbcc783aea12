/**
 * Rules as data: YAML rule packs with a condition tree over the transactions and names an article holds,
 * validated on load with file, line and cause, hot reloaded from a directory, each with examples that must
 * fire or stay quiet.
 */
@NullMarked
package org.sanctionswatch.rules;

import org.jspecify.annotations.NullMarked;
