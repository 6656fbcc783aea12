package org.sanctionswatch.lists;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvReaderTests {

	@Test
	void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
		List<CsvReader.Record> records = readAll("1,\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\",-0- \r\n2,x,,\"\",y\r\n");
		assertThat(records).hasSize(2);
		assertThat(records.get(0).fields()).containsExactly("1", "a, b", "say \"hi\"", "two\r\nlines", "-0- ");
		assertThat(records.get(1).fields()).containsExactly("2", "x", "", "", "y");
		assertThat(records.get(1).line()).isEqualTo(3);
		assertThat(records).allMatch(CsvReader.Record::terminated);
	}

	@Test
	void acceptsCrOnlyAndLfOnlyLineEnds() throws IOException {
		assertThat(readAll("a,b\rc,d\r")).extracting(CsvReader.Record::line).containsExactly(1, 2);
		assertThat(readAll("a,b\nc,d\n")).extracting(CsvReader.Record::fields)
			.containsExactly(List.of("a", "b"), List.of("c", "d"));
	}

	@Test
	void stopsAtTheDosEndOfFileMarker() throws IOException {
		assertThat(readAll("a,b\r\n\u001a")).hasSize(1);
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> readAll("a,b\r\n\u001ac,d\r\n"))
			.withMessage("test.csv line 2: data after the end-of-file marker (Ctrl-Z)");
	}

	@Test
	void reportsAnUnterminatedQuoteWithTheLineItStartsOn() {
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> readAll("a,b\r\nc,\"never\r\nclosed"))
			.withMessage("test.csv line 2: unterminated quoted field (file truncated?)");
	}

	@Test
	void rejectsTextAfterAClosingQuote() {
		assertThatExceptionOfType(ListFormatException.class).isThrownBy(() -> readAll("\"a\"b,c\n"))
			.withMessage("test.csv line 1: unexpected character 'b' after closing quote");
	}

	@Test
	void marksALastRecordWithoutLineEnd() throws IOException {
		List<CsvReader.Record> records = readAll("a,b\nc,d");
		assertThat(records.get(0).terminated()).isTrue();
		assertThat(records.get(1).terminated()).isFalse();
	}

	private static List<CsvReader.Record> readAll(String csv) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(csv), "test.csv");
		List<CsvReader.Record> records = new ArrayList<>();
		CsvReader.Record record;
		while ((record = reader.next()) != null) {
			records.add(record);
		}
		return records;
	}

}
