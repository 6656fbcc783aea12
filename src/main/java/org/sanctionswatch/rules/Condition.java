package org.sanctionswatch.rules;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.analysis.Item;
import org.sanctionswatch.analysis.Party;
import org.sanctionswatch.analysis.Role;
import org.sanctionswatch.gazetteer.Entry;

/** A node of a rule's condition tree. Evaluation returns the bindings when true, {@code null} when false. */
public sealed interface Condition {

	@Nullable Bindings evaluate(Facts facts);

	record All(List<Condition> parts) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			Bindings bindings = new Bindings();
			for (Condition part : this.parts) {
				Bindings b = part.evaluate(facts);
				if (b == null) {
					return null;
				}
				bindings.addAll(b);
			}
			return bindings;
		}

	}

	record Any(List<Condition> parts) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			Bindings bindings = null;
			for (Condition part : this.parts) {
				Bindings b = part.evaluate(facts);
				if (b != null) {
					bindings = (bindings != null) ? bindings : new Bindings();
					bindings.addAll(b);
				}
			}
			return bindings;
		}

	}

	record Not(Condition part) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			return (this.part.evaluate(facts) == null) ? new Bindings() : null;
		}

	}

	/** Always true; binds what its part matches, when it does. */
	record Maybe(Condition part) implements Condition {

		@Override
		public Bindings evaluate(Facts facts) {
			Bindings b = this.part.evaluate(facts);
			return (b != null) ? b : new Bindings();
		}

	}

	record TransactionKind(Set<String> kinds) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			for (String kind : facts.kinds()) {
				if (this.kinds.contains(kind)) {
					return new Bindings();
				}
			}
			return null;
		}

	}

	record Stage(Set<String> stages) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			return this.stages.contains(facts.stage()) ? new Bindings() : null;
		}

	}

	/** A party with all the given properties; an empty set means "any". */
	record PartyMatch(@Nullable String bind, Set<String> lists, Set<String> notLists, Set<String> programs,
			Set<String> countries,
			Set<String> notCountries, Set<Role> roles, Set<String> kinds, Set<String> sectors) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			Bindings bindings = null;
			for (Party party : facts.parties()) {
				if (matches(party)) {
					bindings = (bindings != null) ? bindings : new Bindings();
					if (this.bind != null) {
						bindings.add(this.bind, party);
					}
				}
			}
			return bindings;
		}

		// loops rather than streams: every party of every transaction meets every rule
		private boolean matches(Party party) {
			Entry primary = party.primary();
			String country = party.country();
			return (this.lists.isEmpty() || onAny(party, this.lists)) && !onAny(party, this.notLists)
					&& (this.programs.isEmpty() || underAnyProgram(party))
					&& (this.countries.isEmpty() || (country != null && this.countries.contains(country)))
					&& (this.notCountries.isEmpty() || country == null || !this.notCountries.contains(country))
					&& (this.roles.isEmpty() || this.roles.contains(party.role()))
					&& (this.kinds.isEmpty() || this.kinds.contains(primary.kind().label()))
					&& (this.sectors.isEmpty() || this.sectors.contains(primary.category()));
		}

		private static boolean onAny(Party party, Set<String> lists) {
			for (String list : lists) {
				if (party.onList(list)) {
					return true;
				}
			}
			return false;
		}

		private boolean underAnyProgram(Party party) {
			for (Entry e : party.entries()) {
				for (Entry.ListRef ref : e.lists()) {
					for (String program : ref.programs()) {
						if (this.programs.contains(program)) {
							return true;
						}
					}
				}
			}
			return false;
		}

	}

	/** A traded item with all the given properties; origin {@code unknown} matches items of no known origin. */
	record ItemMatch(@Nullable String bind, Set<String> categories, Set<String> notCategories, Set<String> origins,
			Set<String> notOrigins, Set<String> kinds, boolean namedOnly) implements Condition {

		@Override
		public @Nullable Bindings evaluate(Facts facts) {
			Bindings bindings = null;
			for (Item item : facts.items()) {
				if (matches(item)) {
					bindings = (bindings != null) ? bindings : new Bindings();
					if (this.bind != null) {
						bindings.add(this.bind, item);
					}
				}
			}
			return bindings;
		}

		private boolean matches(Item item) {
			String category = item.entry().category();
			String origin = (item.origin() != null) ? item.origin() : "unknown";
			return (this.categories.isEmpty() || this.categories.contains(category))
					&& !this.notCategories.contains(category)
					&& (this.origins.isEmpty() || this.origins.contains(origin))
					&& !this.notOrigins.contains(origin)
					&& (this.kinds.isEmpty() || this.kinds.contains(item.entry().kind().label()))
					&& (!this.namedOnly || !item.generic());
		}

	}

}
