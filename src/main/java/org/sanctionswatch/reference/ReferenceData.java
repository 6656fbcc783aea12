package org.sanctionswatch.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sanctionswatch.gazetteer.Entry;
import org.sanctionswatch.gazetteer.Entry.Kind;
import org.sanctionswatch.gazetteer.Gazetteer;
import org.sanctionswatch.gazetteer.NameForm;
import org.sanctionswatch.text.TextFolder;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The bundled reference data, loaded once: entries with their names, and the function words of the role
 * analysis. Immutable; registering it into a gazetteer can be repeated whenever lists change.
 */
public final class ReferenceData {

	private static final String[] FILES = { "entities.yaml", "systems.yaml", "pipelines.yaml", "goods.yaml",
			"countries.yaml", "cues.yaml", "cues-ru.yaml", "list-names.yaml" };

	private final List<Registration> registrations;

	private final Map<String, Entry> entries;

	private final Lexicon lexicon;

	private final RussianGrammar russian;

	private final ListNaming listNaming;

	private final String version;

	private ReferenceData(List<Registration> registrations, Map<String, Entry> entries, Lexicon lexicon,
			RussianGrammar russian, ListNaming listNaming, String version) {
		this.listNaming = listNaming;
		this.registrations = List.copyOf(registrations);
		this.entries = Map.copyOf(entries);
		this.lexicon = lexicon;
		this.russian = russian;
		this.version = version;
	}

	private record Registration(Entry entry, String name, NameForm form) {
	}

	/** Loads the data bundled under {@code classpath:reference/}. */
	public static ReferenceData bundled() {
		Map<String, Resource> files = new LinkedHashMap<>();
		for (String file : FILES) {
			files.put(file, new ClassPathResource("reference/" + file));
		}
		return load(files);
	}

	static ReferenceData load(Map<String, Resource> files) {
		Loader loader = new Loader();
		StringBuilder versions = new StringBuilder();
		files.forEach((name, resource) -> {
			Map<String, Object> root = YamlDocument.load(resource);
			YamlDocument doc = YamlDocument.of(name);
			versions.append(name, 0, name.indexOf('.')).append('=').append(root.getOrDefault("version", "?")).append(';');
			switch (name) {
				case "entities.yaml" -> loader.entities(doc, root);
				case "systems.yaml" -> loader.systems(doc, root);
				case "pipelines.yaml" -> loader.pipelines(doc, root);
				case "goods.yaml" -> loader.goods(doc, root);
				case "countries.yaml" -> loader.countries(doc, root);
				case "cues.yaml", "cues-ru.yaml" -> loader.cues(doc, root);
				case "list-names.yaml" -> loader.listNaming = new ListNaming(Loader.folded(doc, root, "legal-forms"),
						doc.strings(root, "legal-phrases").stream().map(p -> TextFolder.get().fold(p)).toList(),
						Loader.folded(doc, root, "generic-words"));
				default -> throw new IllegalStateException("unknown reference file " + name);
			}
		});
		if (loader.lexicon == null) {
			throw new IllegalStateException("cues.yaml: 'function-words' missing");
		}
		if (loader.russian == null) {
			throw new IllegalStateException("cues-ru.yaml: 'grammar' missing");
		}
		if (loader.listNaming == null) {
			throw new IllegalStateException("list-names.yaml is missing");
		}
		loader.cldrCountryNames();
		loader.checkPartners();
		return new ReferenceData(loader.registrations, loader.entries, loader.lexicon, loader.russian,
				loader.listNaming, versions.toString());
	}

	public void registerInto(Gazetteer.Builder builder) {
		for (Registration r : this.registrations) {
			builder.name(r.entry(), r.name(), r.form());
		}
	}

	public @Nullable Entry entry(String id) {
		return this.entries.get(id);
	}

	public Lexicon lexicon() {
		return this.lexicon;
	}

	public RussianGrammar russian() {
		return this.russian;
	}

	public ListNaming listNaming() {
		return this.listNaming;
	}

	public String version() {
		return this.version;
	}

	/** The transaction kinds the vocabulary knows, for validating rule conditions. */
	public java.util.Set<String> transactionKinds() {
		java.util.Set<String> kinds = new java.util.TreeSet<>();
		this.entries.values()
			.stream()
			.filter(e -> CueClass.TRANSACTION.label().equals(e.category()))
			.forEach(e -> kinds.add(e.attribute("kind")));
		return kinds;
	}

	public int size() {
		return this.entries.size();
	}

	private static final class Loader {

		private final List<Registration> registrations = new ArrayList<>();

		private final Map<String, Entry> entries = new HashMap<>();

		private @Nullable Lexicon lexicon;

		private @Nullable RussianGrammar russian;

		private @Nullable ListNaming listNaming;

		private final List<Entry> countries = new ArrayList<>();

		void entities(YamlDocument doc, Map<String, Object> root) {
			for (Map<String, Object> node : doc.maps(root, "entities")) {
				String id = doc.string(node, "id");
				String name = doc.string(node, "name");
				Kind kind = switch (String.valueOf(node.getOrDefault("type", "organisation"))) {
					case "person" -> Kind.PERSON;
					case "vessel" -> Kind.VESSEL;
					default -> Kind.ORGANISATION;
				};
				List<Entry.ListRef> lists = doc.strings(node, "lists")
					.stream()
					.map(list -> new Entry.ListRef(list, "ref:" + id, name, List.of()))
					.toList();
				Map<String, String> attributes = new HashMap<>();
				put(attributes, "parent", doc.optionalString(node, "parent"));
				put(attributes, "pipeline", doc.optionalString(node, "pipeline"));
				Entry entry = new Entry("ref:" + id, kind, name, doc.optionalString(node, "country"),
						String.valueOf(node.getOrDefault("sector", "")), lists, attributes);
				add(entry, name, doc.strings(node, "names"), doc.strings(node, "contextual"));
			}
		}

		void systems(YamlDocument doc, Map<String, Object> root) {
			for (Map<String, Object> node : doc.maps(root, "systems")) {
				String id = doc.string(node, "id");
				String name = doc.string(node, "name");
				Map<String, String> attributes = new HashMap<>();
				put(attributes, "origin", doc.optionalString(node, "origin"));
				put(attributes, "maker", ref(doc.optionalString(node, "maker")));
				put(attributes, "exporter", ref(doc.optionalString(node, "exporter")));
				Entry entry = new Entry("system:" + id, Kind.SYSTEM, name, doc.optionalString(node, "origin"),
						doc.string(node, "category"), List.of(), attributes);
				add(entry, name, doc.strings(node, "names"), doc.strings(node, "contextual"));
			}
		}

		void pipelines(YamlDocument doc, Map<String, Object> root) {
			for (Map<String, Object> node : doc.maps(root, "pipelines")) {
				String id = doc.string(node, "id");
				String name = doc.string(node, "name");
				Map<String, String> attributes = new HashMap<>();
				put(attributes, "origin", doc.optionalString(node, "origin"));
				attributes.put("covered", String.valueOf(Boolean.TRUE.equals(node.get("covered"))));
				put(attributes, "product", doc.optionalString(node, "product"));
				Entry entry = new Entry("pipeline:" + id, Kind.PIPELINE, name, doc.optionalString(node, "origin"),
						Boolean.TRUE.equals(node.get("covered")) ? "covered-pipeline" : "pipeline", List.of(),
						attributes);
				add(entry, name, doc.strings(node, "names"), doc.strings(node, "contextual"));
			}
		}

		void goods(YamlDocument doc, Map<String, Object> root) {
			for (Map<String, Object> node : doc.maps(root, "goods")) {
				String id = doc.string(node, "id");
				String name = doc.string(node, "name");
				List<String> standsFor = doc.strings(node, "stands-for");
				Entry entry = new Entry("goods:" + id, Kind.GOODS, name, null, doc.string(node, "category"),
						List.of(), standsFor.isEmpty() ? Map.of() : Map.of("stands-for", String.join(",", standsFor)));
				add(entry, null, doc.strings(node, "names"), doc.strings(node, "contextual"));
			}
		}

		void countries(YamlDocument doc, Map<String, Object> root) {
			for (Map<String, Object> node : doc.maps(root, "countries")) {
				String code = doc.string(node, "code");
				String name = doc.string(node, "name");
				Entry country = new Entry("country:" + code, Kind.COUNTRY, name, code, "country", List.of(), Map.of());
				this.countries.add(country);
				Set<String> ambiguous = new HashSet<>(doc.strings(node, "ambiguousNames"));
				add(country, ambiguous.contains(name) ? null : name, doc.strings(node, "names").stream().filter(n -> !ambiguous.contains(n)).toList(),
						doc.strings(node, "contextual"));
				for (String a : ambiguous) {
					register(country, a, NameForm.CONTEXTUAL);
				}
				doc.strings(node, "capitals").forEach(n -> register(country, n, NameForm.CAPITAL));
				doc.strings(node, "demonyms").forEach(n -> register(country, n, NameForm.DEMONYM));
				doc.strings(node, "places").forEach(n -> register(country, n, NameForm.PLACE));
				for (Map<String, Object> body : doc.maps(node, "bodies")) {
					String bodyName = doc.string(body, "name");
					List<String> partners = doc.strings(body, "partners");
					Map<String, String> attributes = partners.isEmpty() ? Map.of()
							: Map.of("partners", String.join(",", partners.stream().map(Loader::ref).toList()));
					Entry entry = new Entry("body:" + doc.string(body, "id"), Kind.GOVERNMENT_BODY, bodyName, code,
							String.valueOf(body.getOrDefault("kind", "government")), List.of(), attributes);
					add(entry, bodyName, doc.strings(body, "names"), doc.strings(body, "contextual"));
				}
			}
		}

		void cues(YamlDocument doc, Map<String, Object> root) {
			String language = String.valueOf(root.getOrDefault("language", "en"));
			int n = 0;
			for (Map<String, Object> node : doc.maps(root, "transactions")) {
				String kind = doc.string(node, "kind");
				Map<String, String> attributes = new HashMap<>(Map.of("kind", kind, "direction",
						doc.string(node, "direction"), "stage", doc.string(node, "stage"), "language", language));
				put(attributes, "voice", doc.optionalString(node, "voice"));
				Entry entry = new Entry("cue:" + language + ":transaction:" + kind + ":" + (n++), Kind.CUE, kind, null,
						CueClass.TRANSACTION.label(), List.of(), attributes);
				doc.strings(node, "forms").forEach(f -> register(entry, f, NameForm.NAME));
				doc.strings(node, "participles").forEach(f -> register(entry, f, NameForm.PARTICIPLE));
				List<String> verbsOnly = doc.strings(node, "verbs-only");
				if (!verbsOnly.isEmpty()) {
					Map<String, String> verbal = new HashMap<>(attributes);
					verbal.put("pos", "verb");
					Entry verbEntry = new Entry(entry.id() + ":verb", Kind.CUE, kind, null, CueClass.TRANSACTION.label(),
							List.of(), verbal);
					verbsOnly.forEach(f -> register(verbEntry, f, NameForm.NAME));
				}
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> markers = (Map<String, Object>) root.getOrDefault("markers", Map.of());
			markers.forEach((label, forms) -> {
				CueClass cls = CueClass.of(label);
				Entry entry = new Entry("cue:" + language + ":" + label, Kind.CUE, label, null, cls.label(), List.of(),
						Map.of("language", language));
				doc.strings(markers, label).forEach(f -> register(entry, f, NameForm.NAME));
			});
			@SuppressWarnings("unchecked")
			Map<String, Object> grammar = (Map<String, Object>) root.get("grammar");
			if (grammar != null) {
				List<RussianGrammar.Preposition> prepositions = new ArrayList<>();
				for (Map<String, Object> p : doc.maps(grammar, "prepositions")) {
					prepositions.add(new RussianGrammar.Preposition(words(doc.string(p, "word")),
							doc.string(p, "case").toUpperCase(java.util.Locale.ROOT),
							RussianGrammar.PrepositionRole.valueOf(doc.string(p, "role").toUpperCase(java.util.Locale.ROOT)),
							doc.optionalString(p, "direction")));
				}
				Set<List<String>> actors = new HashSet<>();
				doc.strings(grammar, "actor-nouns").forEach(a -> actors.add(words(a)));
				Map<String, List<String>> endings = new LinkedHashMap<>();
				@SuppressWarnings("unchecked")
				Map<String, Object> table = (Map<String, Object>) grammar.getOrDefault("unknown-word-endings", Map.of());
				table.forEach((ending, cases) -> endings.put(ending,
						doc.strings(table, ending).stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList()));
				this.russian = new RussianGrammar(prepositions, folded(doc, grammar, "clause-openers"),
						folded(doc, grammar, "auxiliaries"), folded(doc, grammar, "coordinators"),
						folded(doc, grammar, "temporal-prepositions"), actors, endings,
						folded(doc, grammar, "relative-pronouns"), folded(doc, grammar, "asides"));
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> words = (Map<String, Object>) root.get("function-words");
			if (words != null) {
				Set<String> prepositions = new HashSet<>();
				for (String key : List.of("seller-prepositions", "recipient-prepositions", "partner-prepositions",
						"agent-prepositions", "location-prepositions")) {
					prepositions.addAll(folded(doc, words, key));
				}
				this.lexicon = new Lexicon(folded(doc, words, "auxiliaries"), folded(doc, words, "determiners"),
						folded(doc, words, "pronouns"), folded(doc, words, "clause-openers"),
						folded(doc, words, "seller-prepositions"), folded(doc, words, "recipient-prepositions"),
						folded(doc, words, "partner-prepositions"), folded(doc, words, "agent-prepositions"),
						folded(doc, words, "location-prepositions"), folded(doc, words, "actor-nouns"),
						folded(doc, words, "hypothetical"), folded(doc, words, "coordinators"),
						folded(doc, words, "temporal-prepositions"), folded(doc, words, "sanction-prepositions"),
						folded(doc, words, "reporting-verbs"), folded(doc, words, "perfect-auxiliaries"),
						folded(doc, words, "passive-auxiliaries"), folded(doc, words, "auxiliary-lemmas"),
						folded(doc, words, "source-phrases"), folded(doc, words, "deadline-prepositions"), folded(doc, words, "noun-links"),
						prepositions);
			}
		}

		private static List<String> words(String phrase) {
			return List.of(TextFolder.get().fold(phrase).split(" "));
		}

		// CLDR's Russian name of every country, through ICU: the standard names are not typed by hand
		void cldrCountryNames() {
			com.ibm.icu.text.LocaleDisplayNames names = com.ibm.icu.text.LocaleDisplayNames
				.getInstance(com.ibm.icu.util.ULocale.forLanguageTag("ru"));
			com.ibm.icu.text.LocaleDisplayNames shortNames = com.ibm.icu.text.LocaleDisplayNames.getInstance(
					com.ibm.icu.util.ULocale.forLanguageTag("ru"), com.ibm.icu.text.DisplayContext.LENGTH_SHORT);
			for (Entry country : this.countries) {
				String code = country.country();
				if (code == null || code.length() != 2 || code.equals("EU")) {
					continue;
				}
				for (String display : List.of(names.regionDisplayName(code), shortNames.regionDisplayName(code))) {
					// "Мьянма (Бирма)" is two names; "Конго - Киншаса" needs its city to be one country's
					for (String name : display.replace(")", "").split(" \\(")) {
						if (!name.isBlank() && !name.equals(code) && !name.contains(" - ")) {
							register(country, name.trim(), NameForm.NAME);
						}
					}
				}
			}
		}

		static Set<String> folded(YamlDocument doc, Map<String, Object> words, String key) {
			Set<String> out = new HashSet<>();
			for (String w : doc.strings(words, key)) {
				out.add(TextFolder.get().fold(w));
			}
			return out;
		}

		private void add(Entry entry, @Nullable String displayName, List<String> names, List<String> contextual) {
			if (this.entries.putIfAbsent(entry.id(), entry) != null) {
				throw new IllegalStateException("duplicate reference id " + entry.id());
			}
			if (displayName != null && !contextual.contains(displayName)) {
				register(entry, displayName, NameForm.NAME);
			}
			names.forEach(n -> register(entry, n, NameForm.NAME));
			contextual.forEach(n -> register(entry, n, NameForm.CONTEXTUAL));
		}

		private void register(Entry entry, String name, NameForm form) {
			this.entries.putIfAbsent(entry.id(), entry);
			this.registrations.add(new Registration(entry, name, form));
		}

		// a joint venture's partners are entities of entities.yaml, which may load after countries.yaml
		void checkPartners() {
			for (Entry e : this.entries.values()) {
				String partners = e.attribute("partners");
				if (partners == null) {
					continue;
				}
				for (String id : partners.split(",")) {
					if (!this.entries.containsKey(id)) {
						throw new IllegalStateException("countries.yaml: " + e.id() + " names partner '"
								+ id.substring(id.indexOf(':') + 1) + "', which entities.yaml does not define");
					}
				}
			}
		}

		private static @Nullable String ref(@Nullable String id) {
			return (id == null) ? null : "ref:" + id;
		}

		private static void put(Map<String, String> map, String key, @Nullable String value) {
			if (value != null) {
				map.put(key, value);
			}
		}

	}

}
