package org.sanctionswatch.lists;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Parses the UN Security Council consolidated list XML ({@code CONSOLIDATED_LIST} with
 * {@code INDIVIDUALS/INDIVIDUAL} and {@code ENTITIES/ENTITY}) with StAX, keeping only what screening needs.
 */
class UnConsolidatedXmlParser {

	static final String LIST_ID = "un-sc-consolidated";

	private static final String ROOT = "CONSOLIDATED_LIST";

	private final XMLInputFactory factory;

	UnConsolidatedXmlParser() {
		// The JDK's own implementation, so behaviour does not depend on whatever StAX provider is on the
		// classpath; no DTDs or external entities, since the document may come from the network (XXE).
		this.factory = XMLInputFactory.newDefaultFactory();
		this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.factory.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	/** @param file the name used in error messages */
	List<ListEntry> parse(InputStream in, String file) {
		XMLStreamReader reader = null;
		try {
			reader = this.factory.createXMLStreamReader(in);
			List<ListEntry> entries = new Walk(reader, file).entries();
			if (entries.isEmpty()) {
				throw new ListFormatException(file, "no INDIVIDUAL or ENTITY entries");
			}
			return entries;
		}
		catch (XMLStreamException ex) {
			throw new ListFormatException(file, line(ex.getLocation()), cause(ex));
		}
		finally {
			close(reader);
		}
	}

	private static int line(@Nullable Location location) {
		return (location != null) ? location.getLineNumber() : -1;
	}

	/** The JDK prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; the line is reported anyway. */
	private static String cause(XMLStreamException ex) {
		String message = String.valueOf(ex.getMessage());
		int at = message.indexOf("Message: ");
		return (at >= 0) ? message.substring(at + 9).strip() : message.strip();
	}

	private static void close(@Nullable XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// Nothing was left to read; the parse result or its error already stands.
			}
		}
	}

	/** One pass over the document; a tiny element stack gives each leaf its context. */
	private static final class Walk {

		private final XMLStreamReader reader;

		private final String file;

		private final Deque<String> open = new ArrayDeque<>();

		private final List<ListEntry> entries = new ArrayList<>(1024);

		private @Nullable Draft draft;

		private @Nullable String aliasQuality;

		private @Nullable String aliasName;

		Walk(XMLStreamReader reader, String file) {
			this.reader = reader;
			this.file = file;
		}

		List<ListEntry> entries() throws XMLStreamException {
			while (this.reader.hasNext()) {
				int event = this.reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					start(this.reader.getLocalName());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					end(this.open.pop());
				}
			}
			return this.entries;
		}

		private void start(String name) throws XMLStreamException {
			String parent = this.open.peek();
			if (parent == null) {
				if (!ROOT.equals(name)) {
					throw error("root element is <" + name + ">, expected <" + ROOT + ">");
				}
			}
			else if (("INDIVIDUAL".equals(name) && "INDIVIDUALS".equals(parent))
					|| ("ENTITY".equals(name) && "ENTITIES".equals(parent))) {
				this.draft = new Draft(name.equals("INDIVIDUAL") ? ListEntry.Type.INDIVIDUAL : ListEntry.Type.ENTITY,
						line());
			}
			else if (this.draft != null && leaf(name, parent, this.draft)) {
				return; // its text and end tag were consumed
			}
			this.open.push(name);
		}

		/** Reads a leaf of interest; returns false for anything else, whose children are then walked. */
		private boolean leaf(String name, String parent, Draft draft) throws XMLStreamException {
			boolean entryChild = parent.equals("INDIVIDUAL") || parent.equals("ENTITY");
			if (entryChild) {
				switch (name) {
					case "DATAID" -> draft.dataId = text();
					case "REFERENCE_NUMBER" -> draft.referenceNumber = text();
					case "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" -> draft.nameParts.add(text());
					case "UN_LIST_TYPE" -> draft.listType = text();
					case "NAME_ORIGINAL_SCRIPT" -> draft.originalScript = text();
					default -> {
						return false;
					}
				}
				return true;
			}
			if (parent.equals("NATIONALITY") && name.equals("VALUE")) {
				draft.countries.add(text());
				return true;
			}
			if (parent.equals("INDIVIDUAL_ALIAS") || parent.equals("ENTITY_ALIAS")) {
				switch (name) {
					case "QUALITY" -> this.aliasQuality = text();
					case "ALIAS_NAME" -> this.aliasName = text();
					default -> {
						return false;
					}
				}
				return true;
			}
			return false;
		}

		private void end(String name) {
			Draft current = this.draft;
			if (current == null) {
				return;
			}
			if (name.equals("INDIVIDUAL_ALIAS") || name.equals("ENTITY_ALIAS")) {
				current.alias(this.aliasName, this.aliasQuality);
				this.aliasName = null;
				this.aliasQuality = null;
			}
			else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
				this.entries.add(current.toEntry(this.file));
				this.draft = null;
			}
		}

		private String text() throws XMLStreamException {
			return this.reader.getElementText().strip();
		}

		private int line() {
			return UnConsolidatedXmlParser.line(this.reader.getLocation());
		}

		private ListFormatException error(String cause) {
			return new ListFormatException(this.file, line(), cause);
		}

	}

	private static final class Draft {

		private final ListEntry.Type type;

		private final int line;

		private final List<String> nameParts = new ArrayList<>(4);

		private final Set<ListEntry.Alias> aliases = new LinkedHashSet<>();

		private final Set<String> countries = new LinkedHashSet<>();

		private @Nullable String dataId;

		private @Nullable String referenceNumber;

		private @Nullable String listType;

		private @Nullable String originalScript;

		Draft(ListEntry.Type type, int line) {
			this.type = type;
			this.line = line;
		}

		/** Quality "Low" marks a weak alias; one ALIAS_NAME may hold several names separated by "; ". */
		void alias(@Nullable String names, @Nullable String quality) {
			if (names == null || names.isEmpty()) {
				return;
			}
			boolean weak = "Low".equalsIgnoreCase(quality);
			for (String name : names.split(";")) {
				String alias = unquoted(name.strip());
				if (!alias.isEmpty()) {
					this.aliases.add(new ListEntry.Alias(alias, weak));
				}
			}
		}

		ListEntry toEntry(String file) {
			StringJoiner name = new StringJoiner(" ");
			this.nameParts.stream().filter((part) -> !part.isEmpty()).forEach(name::add);
			if (name.length() == 0) {
				throw new ListFormatException(file, this.line, this.type + " without FIRST_NAME");
			}
			String id = !isEmpty(this.referenceNumber) ? this.referenceNumber : this.dataId;
			if (id == null || id.isEmpty()) {
				throw new ListFormatException(file, this.line, this.type + " without REFERENCE_NUMBER or DATAID");
			}
			List<ListEntry.Alias> all = new ArrayList<>(this.aliases.size() + 1);
			if (!isEmpty(this.originalScript)) {
				// Original-script names are the entry's own name, not a guess, hence strong.
				all.add(new ListEntry.Alias(this.originalScript, false));
			}
			all.addAll(this.aliases);
			List<String> programs = isEmpty(this.listType) ? List.of() : List.of(this.listType);
			List<String> countries = this.countries.stream().filter((c) -> !c.isEmpty()).toList();
			return new ListEntry(LIST_ID, id, this.type, name.toString(), all, programs, countries);
		}

		/** Some acronyms are printed in quotes ({@code "KOMID"}); the quotes are not part of the name. */
		private static String unquoted(String name) {
			if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
				return name.substring(1, name.length() - 1).strip();
			}
			return name;
		}

		private static boolean isEmpty(@Nullable String value) {
			return value == null || value.isEmpty();
		}

	}

}
