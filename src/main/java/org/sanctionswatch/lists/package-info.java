/**
 * Sanctions lists (OFAC SDN, UN Security Council consolidated list): parsing, loading from a path or URL,
 * scheduled refresh that keeps the last good version, and their health.
 */
@org.jspecify.annotations.NullMarked
package org.sanctionswatch.lists;
