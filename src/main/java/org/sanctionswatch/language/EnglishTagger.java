package org.sanctionswatch.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * Universal Dependencies parts of speech ({@code NOUN}, {@code PROPN}, {@code VERB}, {@code AUX}, {@code ADP}
 * ...) for the words of an English sentence, from OpenNLP's maximum-entropy tagger trained on the UD English
 * Web Treebank.
 * <p>
 * The model's score of a tag at a word is a sum of parameters over the word's features: the word itself (its
 * prefixes, suffixes, class), its neighbours two words either side, its position and the two tags before it.
 * All but the tags are fixed for a given word, so the sum of each word's parameters, as itself and as a
 * neighbour, is worked out once from the features OpenNLP's own generator gives it and memoised; tagging a word
 * is then a few additions of memoised vectors. It decodes greedily, the best tag of each word left to right,
 * where the tagger's default keeps a beam of three: the same tags on the project's corpora
 * ({@code EnglishTaggerTests}), at a small part of the cost.
 */
public final class EnglishTagger {

	private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

	/** Words whose vectors are kept; past it the memo starts again. */
	private static final int MEMO_LIMIT = 200_000;

	private static final Object[] NO_CONTEXT = new Object[0];

	private static final class Holder {

		static final EnglishTagger INSTANCE = new EnglishTagger();

	}

	private final Map<String, Context> parameters;

	private final String[] outcomes;

	private final ThreadLocal<POSContextGenerator> contexts;

	private final SequenceValidator<String> validator;

	private final Map<String, WordVectors> words = new ConcurrentHashMap<>();

	private final Map<String, double[]> features = new ConcurrentHashMap<>();

	private final double[][] position;

	/** What a word adds to the score of each tag: at its own place, and as the word 2 or 1 before or after. */
	private record WordVectors(double[] self, double[] previous1, double[] previous2, double[] next1, double[] next2) {
	}

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
		AbstractModel maxent = model.getArtifact("pos.model");
		Object[] data = maxent.getDataStructures();
		@SuppressWarnings("unchecked")
		Map<String, Context> pmap = (Map<String, Context>) data[1];
		this.parameters = pmap;
		this.outcomes = new String[maxent.getNumOutcomes()];
		for (int o = 0; o < this.outcomes.length; o++) {
			this.outcomes[o] = maxent.getOutcome(o);
		}
		this.contexts = ThreadLocal.withInitial(() -> model.getFactory().getPOSContextGenerator());
		this.validator = model.getFactory().getSequenceValidator();
		this.position = new double[][] { vector("S=begin"), vector("p1S=begin"), vector("p2S=begin") };
	}

	public static EnglishTagger get() {
		return Holder.INSTANCE;
	}

	/** One tag per word; punctuation marks are words of their own ({@code PUNCT}). */
	public String[] tag(String[] sentence) {
		int n = sentence.length;
		WordVectors[] vectors = new WordVectors[n];
		for (int i = 0; i < n; i++) {
			vectors[i] = vectors(sentence[i]);
		}
		String[] tags = new String[n];
		double[] score = new double[this.outcomes.length];
		for (int i = 0; i < n; i++) {
			System.arraycopy(vectors[i].self(), 0, score, 0, score.length);
			if (i >= 1) {
				add(score, vectors[i - 1].previous1());
				add(score, feature("t=" + tags[i - 1]));
			}
			if (i >= 2) {
				add(score, vectors[i - 2].previous2());
				add(score, feature("t2=" + tags[i - 2] + "," + tags[i - 1]));
			}
			if (i + 1 < n) {
				add(score, vectors[i + 1].next1());
			}
			if (i + 2 < n) {
				add(score, vectors[i + 2].next2());
			}
			if (i < this.position.length) {
				add(score, this.position[i]);
			}
			int best = -1;
			for (int o = 0; o < score.length; o++) {
				if ((best < 0 || score[o] > score[best]) && this.validator.validSequence(i, sentence, tags, this.outcomes[o])) {
					best = o;
				}
			}
			tags[i] = this.outcomes[Math.max(0, best)];
		}
		return tags;
	}

	// The features OpenNLP's generator gives a word alone, at the start of a one-word sentence, less that position
	private WordVectors vectors(String word) {
		WordVectors v = this.words.get(word);
		if (v != null) {
			return v;
		}
		double[] self = new double[this.outcomes.length];
		String lower = null;
		for (String f : this.contexts.get().getContext(0, new String[] { word }, new String[0], NO_CONTEXT)) {
			if (f.equals("S=begin")) {
				continue;
			}
			if (f.startsWith("w=")) {
				lower = f.substring(2);
			}
			add(self, vector(f));
		}
		String w = (lower != null) ? lower : word;
		v = new WordVectors(self, vector("p1w=" + w), vector("p2w=" + w), vector("n1w=" + w), vector("n2w=" + w));
		if (this.words.size() >= MEMO_LIMIT) {
			this.words.clear();
		}
		this.words.put(word, v);
		return v;
	}

	private double[] feature(String f) {
		double[] v = this.features.get(f);
		if (v == null) {
			v = vector(f);
			this.features.put(f, v);
		}
		return v;
	}

	/** A feature's parameters by tag, as the model's evaluation adds them; zero for a feature it never saw. */
	private double[] vector(String feature) {
		double[] v = new double[this.outcomes.length];
		Context c = this.parameters.get(feature);
		if (c != null) {
			int[] outcomeIds = c.getOutcomes();
			double[] values = c.getParameters();
			for (int j = 0; j < outcomeIds.length; j++) {
				v[outcomeIds[j]] += values[j];
			}
		}
		return v;
	}

	private static void add(double[] sum, double[] v) {
		for (int o = 0; o < sum.length; o++) {
			sum[o] += v[o];
		}
	}

}
