package org.sanctionswatch.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * English word forms as LanguageTool's English dictionary knows them: every lemma and Penn tag of a form
 * ("bought": buy/VBD, buy/VBN). With the tagger's part of speech in context it tells a verb's tense and a
 * participle from a past tense. Read once; look-ups memoised.
 */
public final class EnglishMorphology {

	private static final String DICTIONARY = "/org/languagetool/resource/en/english.dict";

	private static final int MEMO_LIMIT = 200_000;

	private static final class Holder {

		static final EnglishMorphology INSTANCE = new EnglishMorphology();

	}

	private final ThreadLocal<DictionaryLookup> lookup;

	private final Map<String, List<EnglishReading>> memo = new ConcurrentHashMap<>();

	private EnglishMorphology() {
		URL url = EnglishMorphology.class.getResource(DICTIONARY);
		if (url == null) {
			throw new IllegalStateException("the English dictionary " + DICTIONARY + " is not on the classpath");
		}
		Dictionary dictionary;
		try {
			dictionary = Dictionary.read(url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the English dictionary " + DICTIONARY, ex);
		}
		this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
	}

	public static EnglishMorphology get() {
		return Holder.INSTANCE;
	}

	/** The readings of a form as written, or of its lower-case form when the dictionary has none for it. */
	public List<EnglishReading> readings(String form) {
		List<EnglishReading> readings = this.memo.get(form);
		if (readings == null) {
			readings = lookUp(form);
			if (readings.isEmpty()) {
				String lower = form.toLowerCase(java.util.Locale.ROOT);
				if (!lower.equals(form)) {
					readings = lookUp(lower);
				}
			}
			if (this.memo.size() >= MEMO_LIMIT) {
				this.memo.clear();
			}
			this.memo.put(form, readings);
		}
		return readings;
	}

	private List<EnglishReading> lookUp(String form) {
		List<WordData> found = this.lookup.get().lookup(form);
		List<EnglishReading> out = new ArrayList<>(found.size());
		for (WordData d : found) {
			if (d.getStem() != null && d.getTag() != null) {
				out.add(new EnglishReading(d.getStem().toString(), d.getTag().toString()));
			}
		}
		return List.copyOf(out);
	}

}
