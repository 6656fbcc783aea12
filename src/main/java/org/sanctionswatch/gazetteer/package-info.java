/**
 * The gazetteer: every name the service knows (list entries, systems, countries, transaction vocabulary) in
 * one token automaton, so that one pass over an article finds all of them.
 */
@NullMarked
package org.sanctionswatch.gazetteer;

import org.jspecify.annotations.NullMarked;
