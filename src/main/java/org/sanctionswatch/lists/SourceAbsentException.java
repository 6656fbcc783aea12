package org.sanctionswatch.lists;

import java.io.IOException;

/** The location of a source does not exist at all, which an optional source is allowed to be. */
class SourceAbsentException extends IOException {

	SourceAbsentException(String location) {
		super("location does not exist: " + location);
	}

}
