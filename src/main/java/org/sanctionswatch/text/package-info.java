/**
 * Text folding, tokens with offsets into the original text, and sentence structure: the shared ground on
 * which names are indexed at load time and found in articles at screening time.
 */
@NullMarked
package org.sanctionswatch.text;

import org.jspecify.annotations.NullMarked;
