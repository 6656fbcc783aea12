/**
 * The operator dashboard: a server-rendered web UI whose pages draw themselves from the JSON API, the API itself,
 * a live feed of new alerts and decisions (server-sent events), and the login that guards them all.
 */
@NullMarked
package org.sanctionswatch.dashboard;

import org.jspecify.annotations.NullMarked;
