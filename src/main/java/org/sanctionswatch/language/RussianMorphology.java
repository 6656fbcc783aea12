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
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian word forms as LanguageTool's morfologik dictionary knows them (AOT's morphology, about five million
 * forms): every reading of a form, its lemmas, and for a form the dictionary does not know, the stem its
 * inflected forms share. The dictionary is read once; look-ups are memoised, since news repeats its words.
 */
public final class RussianMorphology {

	private static final String DICTIONARY = "/org/languagetool/resource/ru/russian.dict";

	/** Forms kept in memory; past it the memo starts again, a price paid once per few million new forms. */
	private static final int MEMO_LIMIT = 300_000;

	private static final class Holder {

		static final RussianMorphology INSTANCE = new RussianMorphology();

	}

	private final Dictionary dictionary;

	private final ThreadLocal<DictionaryLookup> lookup;

	private final ThreadLocal<RussianStemmer> stemmer = ThreadLocal.withInitial(RussianStemmer::new);

	private final Map<String, RussianWord> memo = new ConcurrentHashMap<>();

	private RussianMorphology() {
		URL url = RussianMorphology.class.getResource(DICTIONARY);
		if (url == null) {
			throw new IllegalStateException("the Russian dictionary " + DICTIONARY + " is not on the classpath");
		}
		try {
			this.dictionary = Dictionary.read(url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Russian dictionary " + DICTIONARY, ex);
		}
		this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
	}

	public static RussianMorphology get() {
		return Holder.INSTANCE;
	}

	/** The readings of a form, given in lower case. */
	public RussianWord word(String form) {
		RussianWord word = this.memo.get(form);
		if (word == null) {
			word = analyse(form);
			if (this.memo.size() >= MEMO_LIMIT) {
				this.memo.clear();
			}
			this.memo.put(form, word);
		}
		return word;
	}

	private RussianWord analyse(String form) {
		List<RussianReading> readings = readings(form);
		if (readings.isEmpty() && form.indexOf('ё') >= 0) {
			readings = readings(form.replace('ё', 'е'));
		}
		if (readings.isEmpty()) {
			return new RussianWord(form, readings, List.of(), stem(form));
		}
		return new RussianWord(form, readings, RussianWord.lemmasOf(form, readings), form);
	}

	private List<RussianReading> readings(String form) {
		List<WordData> found = this.lookup.get().lookup(form);
		List<RussianReading> readings = new ArrayList<>(found.size());
		for (WordData d : found) {
			CharSequence tag = d.getTag();
			CharSequence lemma = d.getStem();
			if (tag != null && lemma != null) {
				readings.add(RussianReading.parse(lemma.toString().replace('ё', 'е'), tag.toString()));
			}
		}
		return readings;
	}

	private String stem(String form) {
		// short forms are abbreviations and designation letters ("су", "ми", "зрк"): they stay as written
		if (form.length() < 4) {
			return form;
		}
		RussianStemmer s = this.stemmer.get();
		s.setCurrent(form.replace('ё', 'е'));
		s.stem();
		return s.getCurrent();
	}

}
