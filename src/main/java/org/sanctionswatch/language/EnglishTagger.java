package org.sanctionswatch.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies parts of speech ({@code NOUN}, {@code PROPN}, {@code VERB}, {@code AUX}, {@code ADP}
 * ...) for the words of an English sentence, from OpenNLP's maximum-entropy tagger trained on the UD English
 * Web Treebank. The model is shared; each thread has its own tagger, which keeps state between calls.
 */
public final class EnglishTagger {

	private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

	private static final class Holder {

		static final EnglishTagger INSTANCE = new EnglishTagger();

	}

	private final ThreadLocal<POSTaggerME> tagger;

	private EnglishTagger() {
		POSModel model;
		try (InputStream in = EnglishTagger.class.getResourceAsStream(MODEL)) {
			if (in == null) {
				throw new IllegalStateException("the English tagger model " + MODEL + " is not on the classpath");
			}
			model = new POSModel(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the English tagger model " + MODEL, ex);
		}
		this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(model));
	}

	public static EnglishTagger get() {
		return Holder.INSTANCE;
	}

	/** One tag per word; punctuation marks are words of their own ({@code PUNCT}). */
	public String[] tag(String[] words) {
		return this.tagger.get().tag(words);
	}

}
