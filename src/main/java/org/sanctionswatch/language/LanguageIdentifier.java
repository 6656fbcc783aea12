package org.sanctionswatch.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.jspecify.annotations.Nullable;

/**
 * The language of an article: the one its producer declared when that is a valid tag and the text is written
 * in that language's script, else the one OpenNLP's language detector (103 languages, trained on Leipzig
 * corpora) finds in the opening of the text. Feeds mislabel articles in both ways: Russian wire copy
 * re-published under an English feed's default, and no tag at all.
 */
public final class LanguageIdentifier {

	private static final String MODEL = "/langdetect-183.bin";

	/** The detector reads the opening of an article: enough to be sure, and a bounded cost. */
	private static final int SAMPLE = 1500;

	private static final Map<String, String> TWO_LETTER = twoLetterCodes();

	private static final java.util.Set<String> KNOWN = java.util.Set.of(Locale.getISOLanguages());

	private static final class Holder {

		static final LanguageIdentifier INSTANCE = new LanguageIdentifier();

	}

	private final LanguageDetectorModel model;

	private final ThreadLocal<LanguageDetectorME> detector;

	private LanguageIdentifier() {
		try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
			if (in == null) {
				throw new IllegalStateException("the language detection model " + MODEL + " is not on the classpath");
			}
			this.model = new LanguageDetectorModel(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the language detection model " + MODEL, ex);
		}
		this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(this.model));
	}

	public static LanguageIdentifier get() {
		return Holder.INSTANCE;
	}

	/**
	 * The primary language subtag (ISO 639-1 where there is one) of an article.
	 *
	 * @param declared the producer's BCP 47 tag, may be absent
	 * @param fallback what to answer when the text is too short to tell and nothing valid was declared
	 */
	public String identify(@Nullable String declared, @Nullable String title, String body, String fallback) {
		String sample = sample(title, body);
		String tag = primary(declared);
		Letters letters = Letters.count(sample);
		if (tag != null && letters.agreesWith(tag)) {
			return tag;
		}
		if (letters.total() < 12) {
			return (tag != null) ? tag : fallback;
		}
		String detected = this.detector.get().predictLanguage(sample).getLang();
		String code = TWO_LETTER.getOrDefault(detected, detected);
		// the detector knows Cyrillic and Latin languages apart by far better than by a few words; where it
		// contradicts the script, the script is right ("Serbian" for a Russian text of names and figures)
		if (letters.cyrillic() * 2 > letters.total() && !writtenIn(code, UScript.CYRILLIC)) {
			return "ru";
		}
		return code;
	}

	/** The primary subtag of a valid BCP 47 tag, lower case; {@code null} for no tag or a malformed one. */
	static @Nullable String primary(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
		String language = TWO_LETTER.getOrDefault(locale.getLanguage(), locale.getLanguage());
		// a well-formed tag of no ISO 639 language ("xx", "zz") is as good as none
		return KNOWN.contains(language) ? language : null;
	}

	private static String sample(@Nullable String title, String body) {
		StringBuilder s = new StringBuilder(SAMPLE + 64);
		if (title != null) {
			s.append(title, 0, Math.min(title.length(), 200)).append('\n');
		}
		s.append(body, 0, Math.min(body.length(), SAMPLE));
		return s.toString();
	}

	private static Map<String, String> twoLetterCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String two : Locale.getISOLanguages()) {
			try {
				codes.put(new Locale(two).getISO3Language(), two);
			}
			catch (java.util.MissingResourceException ex) {
				// a language with no three-letter code: nothing to map
			}
		}
		// the detector's own codes for macrolanguages and individual languages
		codes.put("cmn", "zh");
		codes.put("zsm", "ms");
		codes.put("pes", "fa");
		codes.put("ekk", "et");
		codes.put("lvs", "lv");
		codes.put("nob", "no");
		codes.put("swh", "sw");
		codes.put("uzn", "uz");
		codes.put("azj", "az");
		codes.put("khk", "mn");
		codes.put("arb", "ar");
		return Map.copyOf(codes);
	}

	/** Whether CLDR writes a language in a script ("sr" in both Cyrillic and Latin). */
	static boolean writtenIn(String language, int script) {
		int[] scripts = UScript.getCode(ULocale.forLanguageTag(language));
		if (scripts == null) {
			return false;
		}
		for (int s : scripts) {
			if (s == script) {
				return true;
			}
		}
		return false;
	}

	/** Letters of a sample by script: which script a declared language must be written in to be believed. */
	private record Letters(int cyrillic, int latin, int total) {

		static Letters count(String s) {
			int cyrillic = 0;
			int latin = 0;
			int total = 0;
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (!Character.isLetter(c)) {
					continue;
				}
				total++;
				if (c < 0x0250) {
					latin++;
				}
				else if (c >= 0x0400 && c <= 0x052F) {
					cyrillic++;
				}
			}
			return new Letters(cyrillic, latin, total);
		}

		boolean agreesWith(String language) {
			if (this.total == 0) {
				return true;
			}
			if (writtenIn(language, UScript.CYRILLIC)) {
				return this.cyrillic * 2 > this.total;
			}
			if (this.cyrillic * 2 > this.total) {
				return false;
			}
			// languages of other scripts (Arabic, Chinese ...) are believed; Latin ones need Latin letters
			return this.latin * 2 > this.total || !writtenIn(language, UScript.LATIN);
		}

	}

}
