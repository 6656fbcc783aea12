package org.sanctionswatch.lists;

/**
 * A list file that cannot be trusted: structurally broken, truncated, or not the expected format. The
 * message always names the file and line, because it ends up in logs and health details where an
 * operator has to find the problem in a multi-megabyte download.
 */
class ListFormatException extends RuntimeException {

	ListFormatException(String file, int line, String cause) {
		super(file + " line " + line + ": " + cause);
	}

	ListFormatException(String file, String cause) {
		super(file + ": " + cause);
	}

}
