package org.sanctionswatch.lists;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A small RFC 4180 reader: quoted fields with embedded commas, line breaks and doubled quotes; records
 * end with CR, LF or CRLF (OFAC's specification says CR, its files use CRLF). Hand-written because the
 * OFAC files need exact control over truncation and error positions, which general libraries hide.
 */
class CsvReader {

	private static final int EOF = -1;

	/** DOS end-of-file marker; OFAC still appends one to its CSV files. */
	private static final int CTRL_Z = 0x1A;

	private final Reader reader;

	private final String file;

	private final char[] buffer = new char[16 * 1024];

	private final StringBuilder field = new StringBuilder(64);

	private int position;

	private int limit;

	private int line = 1;

	private boolean previousWasCr;

	CsvReader(Reader reader, String file) {
		this.reader = reader;
		this.file = file;
	}

	/** The next record, or {@code null} at the end of the input. */
	@Nullable Record next() throws IOException {
		int c = read();
		while (c == '\r' || c == '\n') {
			c = read();
		}
		if (c == EOF) {
			return null;
		}
		if (c == CTRL_Z) {
			expectOnlyWhitespaceAfterEofMarker();
			return null;
		}
		int recordLine = this.line;
		List<String> fields = new ArrayList<>(12);
		while (true) {
			c = (c == '"') ? readQuoted() : readUnquoted(c);
			fields.add(this.field.toString());
			this.field.setLength(0);
			if (c == ',') {
				c = read();
				continue;
			}
			return new Record(recordLine, fields, c != EOF);
		}
	}

	/** Reads a quoted field into {@link #field}; returns the character after the closing quote. */
	private int readQuoted() throws IOException {
		int openedOn = this.line;
		while (true) {
			int c = read();
			if (c == EOF) {
				throw new ListFormatException(this.file, openedOn, "unterminated quoted field (file truncated?)");
			}
			if (c == '"') {
				int next = read();
				if (next != '"') {
					if (next != ',' && next != '\r' && next != '\n' && next != EOF) {
						throw new ListFormatException(this.file, this.line,
								"unexpected character '" + (char) next + "' after closing quote");
					}
					return next;
				}
			}
			this.field.append((char) c);
		}
	}

	/** Reads an unquoted field starting with {@code c}; returns the delimiter that ended it. */
	private int readUnquoted(int c) throws IOException {
		while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
			this.field.append((char) c);
			c = read();
		}
		return c;
	}

	private void expectOnlyWhitespaceAfterEofMarker() throws IOException {
		int c;
		while ((c = read()) != EOF) {
			if (!Character.isWhitespace(c)) {
				throw new ListFormatException(this.file, this.line, "data after the end-of-file marker (Ctrl-Z)");
			}
		}
	}

	private int read() throws IOException {
		if (this.position == this.limit) {
			this.limit = this.reader.read(this.buffer);
			this.position = 0;
			if (this.limit <= 0) {
				this.limit = 0;
				return EOF;
			}
		}
		char c = this.buffer[this.position++];
		// Count CR, LF and CRLF as one line end each, so reported lines match what an editor shows.
		if (c == '\r') {
			this.line++;
		}
		else if (c == '\n' && !this.previousWasCr) {
			this.line++;
		}
		this.previousWasCr = (c == '\r');
		return c;
	}

	/**
	 * @param line the line the record starts on
	 * @param terminated whether a line end followed it; a missing one at the end of a file hints at a
	 * truncated download, since OFAC ends every record with one
	 */
	record Record(int line, List<String> fields, boolean terminated) {
	}

}
