/**
 * Reads an article as a compliance analyst would: which sentences report a deal, who buys, who sells or
 * partners, what is traded, at which stage, and which mentions are only background.
 */
@NullMarked
package org.sanctionswatch.analysis;

import org.jspecify.annotations.NullMarked;
