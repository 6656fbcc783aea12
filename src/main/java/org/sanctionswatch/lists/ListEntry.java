package org.sanctionswatch.lists;

import java.util.List;

/**
 * One designated party as a list publishes it. Names are kept verbatim (OFAC individuals stay
 * "LAST, First") so that an alert can quote the list exactly; normalisation is the matcher's business.
 *
 * @param listId {@code ofac-sdn} or {@code un-sc-consolidated}
 * @param entryId the OFAC {@code ent_num}, or the UN {@code REFERENCE_NUMBER} (its {@code DATAID} when absent)
 * @param countries plain country names the list gives cheaply (vessel flag, nationality); may be empty
 */
public record ListEntry(String listId, String entryId, Type type, String name, List<Alias> aliases,
		List<String> programs, List<String> countries) {

	public ListEntry {
		aliases = List.copyOf(aliases);
		programs = List.copyOf(programs);
		countries = List.copyOf(countries);
	}

	/**
	 * Another name of the entry. Weak aliases (UN quality "Low") are too vague to match on their own, so
	 * screening should only use them as supporting evidence.
	 */
	public record Alias(String name, boolean weak) {
	}

	public enum Type {

		ENTITY, INDIVIDUAL, VESSEL, AIRCRAFT

	}

}
