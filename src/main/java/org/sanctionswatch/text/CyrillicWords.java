package org.sanctionswatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import org.jspecify.annotations.Nullable;
import org.sanctionswatch.language.RussianMorphology;
import org.sanctionswatch.language.RussianWord;

/**
 * The folded form under which a Cyrillic word is matched: the lemma of a word the Russian dictionary knows
 * ("Турции" and "Турция" are both {@code turtsiya}), the stem of one it does not ("Рособоронэкспортом" and
 * "Рособоронэкспорт" share {@code rosoboroneksport}), romanised as BGN/PCGN writes Russian in Latin. Names are registered and articles tokenized through
 * the same forms, so an inflected name matches its dictionary form in one pass over token ids.
 */
final class CyrillicWords {

	private static final int MEMO_LIMIT = 300_000;

	private static final CyrillicWords INSTANCE = new CyrillicWords();

	private final Map<String, String[]> memo = new ConcurrentHashMap<>();

	private CyrillicWords() {
	}

	static CyrillicWords get() {
		return INSTANCE;
	}

	/**
	 * The form of a lower-case Cyrillic word: of its lemmas, the likeliest one the vocabulary knows (the
	 * dictionary's "Индии" is indium or India, a name knows only India), else the likeliest.
	 */
	String form(String word, @Nullable TokenVocabulary vocabulary) {
		String[] forms = forms(word);
		if (vocabulary != null && forms.length > 1) {
			for (String f : forms) {
				if (vocabulary.preferred(f)) {
					return f;
				}
			}
			for (String f : forms) {
				if (vocabulary.id(f) >= 0) {
					return f;
				}
			}
		}
		return forms[0];
	}

	/**
	 * The folded lemma of a word written in its dictionary form ("Индия", "Турецкий"); {@code null} for an
	 * inflected form ("Индии") or a word the dictionary does not know.
	 */
	@Nullable String dictionaryForm(String word) {
		RussianWord w = RussianMorphology.get().word(word);
		String plain = word.replace('ё', 'е');
		return (w.known() && w.lemmas().contains(plain)) ? foldLetters(plain) : null;
	}

	private String[] forms(String word) {
		String[] forms = this.memo.get(word);
		if (forms == null) {
			RussianWord w = RussianMorphology.get().word(word);
			List<String> folded = new ArrayList<>();
			for (String lemma : w.known() ? w.lemmas() : List.of(w.stem())) {
				String f = foldLetters(lemma);
				if (!f.isEmpty() && !folded.contains(f)) {
					folded.add(f);
				}
			}
			forms = folded.isEmpty() ? new String[] { foldLetters(word) } : folded.toArray(String[]::new);
			if (this.memo.size() >= MEMO_LIMIT) {
				this.memo.clear();
			}
			this.memo.put(word, forms);
		}
		return forms;
	}

	// BGN/PCGN romanisation of the whole lemma, as news spells Russian names in Latin ("yak", "rosoboroneksport"),
	// marks dropped, the soft and hard signs kept as letters so that "уголь" (coal) stays apart from "угол"
	private static String foldLetters(String lemma) {
		String latin = Normalizer2.getNFDInstance().normalize(ROMANISATION.get().transliterate(lemma));
		StringBuilder out = new StringBuilder(latin.length());
		for (int i = 0; i < latin.length(); i++) {
			char c = latin.charAt(i);
			if (Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
				out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	private static final ThreadLocal<Transliterator> ROMANISATION = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN"));

	static boolean isCyrillicLetter(char c) {
		return c >= '\u0400' && c <= '\u052F' && Character.isLetter(c);
	}

}
