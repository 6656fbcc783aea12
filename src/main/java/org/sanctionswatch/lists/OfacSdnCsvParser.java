package org.sanctionswatch.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses OFAC's legacy {@code sdn.csv} and {@code alt.csv}: no header row, positional columns, {@code -0-}
 * for null. Strict about structure (field counts, quoting, truncation) because a half-read list silently
 * un-sanctions everyone after the cut.
 */
class OfacSdnCsvParser {

	static final String LIST_ID = "ofac-sdn";

	static final String SDN_FILE = "sdn.csv";

	static final String ALT_FILE = "alt.csv";

	/** The files are windows-1252 (a superset of Latin-1 for printable characters), not UTF-8. */
	static final Charset CHARSET = Charset.forName("windows-1252");

	private static final Logger logger = LoggerFactory.getLogger(OfacSdnCsvParser.class);

	private static final int SDN_FIELDS = 12;

	private static final int ALT_FIELDS = 5;

	List<ListEntry> parse(InputStream sdn, InputStream alt) throws IOException {
		Map<String, Draft> drafts = readSdn(sdn);
		readAlt(alt, drafts);
		List<ListEntry> entries = new ArrayList<>(drafts.size());
		for (Draft draft : drafts.values()) {
			entries.add(draft.toEntry());
		}
		return entries;
	}

	private Map<String, Draft> readSdn(InputStream in) throws IOException {
		Map<String, Draft> drafts = new LinkedHashMap<>(16 * 1024);
		CsvReader csv = reader(in, SDN_FILE);
		CsvReader.Record record;
		while ((record = csv.next()) != null) {
			List<String> f = checked(record, SDN_FILE, SDN_FIELDS);
			String entNum = entNum(f.get(0), record, SDN_FILE);
			String name = value(f.get(1));
			if (name == null) {
				throw new ListFormatException(SDN_FILE, record.line(), "SDN_Name is empty for ent_num " + entNum);
			}
			Draft draft = new Draft(entNum, type(value(f.get(2)), record), name, programs(value(f.get(3))),
					countries(value(f.get(9)), value(f.get(11))));
			if (drafts.put(entNum, draft) != null) {
				throw new ListFormatException(SDN_FILE, record.line(), "duplicate ent_num " + entNum);
			}
		}
		if (drafts.isEmpty()) {
			throw new ListFormatException(SDN_FILE, "no records");
		}
		return drafts;
	}

	private void readAlt(InputStream in, Map<String, Draft> drafts) throws IOException {
		CsvReader csv = reader(in, ALT_FILE);
		CsvReader.Record record;
		int orphans = 0;
		while ((record = csv.next()) != null) {
			List<String> f = checked(record, ALT_FILE, ALT_FIELDS);
			String entNum = entNum(f.get(0), record, ALT_FILE);
			String altName = value(f.get(3));
			Draft draft = drafts.get(entNum);
			if (draft == null) {
				orphans++;
			}
			else if (altName != null) {
				// The legacy CSV carries no strong/weak category (only the XML formats do), so none is weak.
				draft.aliases.add(new ListEntry.Alias(altName, false));
			}
		}
		if (orphans > 0) {
			// Usually sdn.csv and alt.csv fetched across a publication boundary; the next refresh heals it.
			logger.warn("{}: {} alias rows refer to an ent_num missing from {}", ALT_FILE, orphans, SDN_FILE);
		}
	}

	private static CsvReader reader(InputStream in, String file) {
		return new CsvReader(new BufferedReader(new InputStreamReader(in, CHARSET), 64 * 1024), file);
	}

	private static List<String> checked(CsvReader.Record record, String file, int expected) {
		List<String> fields = record.fields();
		if (fields.size() != expected) {
			throw new ListFormatException(file, record.line(),
					"expected " + expected + " fields, found " + fields.size()
							+ (record.terminated() ? "" : " in the last record (file truncated?)"));
		}
		if (!record.terminated()) {
			throw new ListFormatException(file, record.line(),
					"last record has no line end (file truncated?)");
		}
		return fields;
	}

	private static String entNum(String raw, CsvReader.Record record, String file) {
		String entNum = raw.strip();
		if (entNum.isEmpty() || !entNum.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new ListFormatException(file, record.line(), "ent_num '" + entNum + "' is not a number");
		}
		return entNum;
	}

	/** OFAC writes null as {@code -0-}, in some years with a trailing space. */
	private static @Nullable String value(String raw) {
		String value = raw.strip();
		return (value.isEmpty() || value.equals("-0-")) ? null : value;
	}

	private static ListEntry.Type type(@Nullable String sdnType, CsvReader.Record record) {
		if (sdnType == null) {
			return ListEntry.Type.ENTITY;
		}
		return switch (sdnType.toLowerCase(Locale.ROOT)) {
			case "individual" -> ListEntry.Type.INDIVIDUAL;
			case "vessel" -> ListEntry.Type.VESSEL;
			case "aircraft" -> ListEntry.Type.AIRCRAFT;
			default -> throw new ListFormatException(SDN_FILE, record.line(), "unknown SDN_Type '" + sdnType + "'");
		};
	}

	/** Several programs arrive as the inside of {@code [A] [B]}, i.e. {@code A] [B}. */
	private static List<String> programs(@Nullable String program) {
		if (program == null) {
			return List.of();
		}
		List<String> programs = new ArrayList<>(2);
		for (String part : program.split("\\]\\s*\\[")) {
			String tag = part.replace("[", "").replace("]", "").strip();
			if (!tag.isEmpty()) {
				programs.add(tag);
			}
		}
		return programs;
	}

	/**
	 * The vessel flag, plus nationalities from the remarks ("...; nationality Iran; alt. nationality
	 * Iraq; ..."), the only country facts that cost no more than a split.
	 */
	private static List<String> countries(@Nullable String flag, @Nullable String remarks) {
		Set<String> countries = new LinkedHashSet<>();
		if (flag != null) {
			countries.add(flag);
		}
		if (remarks != null && remarks.contains("nationality ")) {
			for (String remark : remarks.split(";")) {
				String r = remark.strip();
				String country = r.startsWith("nationality ") ? r.substring(12)
						: r.startsWith("alt. nationality ") ? r.substring(17) : null;
				if (country != null) {
					country = country.endsWith(".") ? country.substring(0, country.length() - 1) : country;
					if (!country.isBlank()) {
						countries.add(country.strip());
					}
				}
			}
		}
		return new ArrayList<>(countries);
	}

	private static final class Draft {

		private final String entNum;

		private final ListEntry.Type type;

		private final String name;

		private final List<String> programs;

		private final List<String> countries;

		private final List<ListEntry.Alias> aliases = new ArrayList<>(2);

		Draft(String entNum, ListEntry.Type type, String name, List<String> programs, List<String> countries) {
			this.entNum = entNum;
			this.type = type;
			this.name = name;
			this.programs = programs;
			this.countries = countries;
		}

		ListEntry toEntry() {
			return new ListEntry(LIST_ID, this.entNum, this.type, this.name, this.aliases, this.programs,
					this.countries);
		}

	}

}
