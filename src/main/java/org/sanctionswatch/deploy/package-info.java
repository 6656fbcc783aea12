/**
 * Running in a real deployment: start-up checks that turn a misconfigured cluster connection into one clear
 * failure instead of a client that retries forever.
 */
@NullMarked
package org.sanctionswatch.deploy;

import org.jspecify.annotations.NullMarked;
