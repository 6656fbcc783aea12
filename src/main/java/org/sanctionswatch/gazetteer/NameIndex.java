package org.sanctionswatch.gazetteer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanctionswatch.text.TokenVocabulary;
import org.sanctionswatch.text.TokenizedText;

/**
 * Aho-Corasick automaton over token ids. Names are token sequences, so matches fall on word boundaries by
 * construction, and one left-to-right pass over an article reports every name of every entry, whatever
 * their number.
 */
final class NameIndex {

	interface Sink {

		void match(int firstToken, int endToken, int payload);

	}

	private final TokenVocabulary vocabulary;

	private final LongIntMap transitions;

	/** The root's transitions by token id, -1 where there is none: the automaton is back at its root most of the time. */
	private final int[] rootTransitions;

	private final int[] fail;

	private final int[] outputLink;

	private final int[][] outputs;

	private final int[] patternLength;

	private final int[] patternPayload;

	private NameIndex(TokenVocabulary vocabulary, LongIntMap transitions, int[] rootTransitions, int[] fail,
			int[] outputLink, int[][] outputs, int[] patternLength, int[] patternPayload) {
		this.vocabulary = vocabulary;
		this.transitions = transitions;
		this.rootTransitions = rootTransitions;
		this.fail = fail;
		this.outputLink = outputLink;
		this.outputs = outputs;
		this.patternLength = patternLength;
		this.patternPayload = patternPayload;
	}

	void scan(TokenizedText text, Sink sink) {
		int state = 0;
		// a text tokenized against this vocabulary carries its ids; any other is looked up token by token
		boolean own = text.vocabulary() == this.vocabulary;
		for (int i = 0; i < text.size(); i++) {
			int id = own ? text.id(i) : this.vocabulary.id(text.token(i));
			if (id < 0) {
				state = 0;
				continue;
			}
			int next = step(state, id);
			while (next < 0 && state != 0) {
				state = this.fail[state];
				next = step(state, id);
			}
			state = (next < 0) ? 0 : next;
			for (int node = state; node > 0; node = this.outputLink[node]) {
				for (int p : this.outputs[node]) {
					sink.match(i - this.patternLength[p] + 1, i + 1, this.patternPayload[p]);
				}
			}
		}
	}

	TokenVocabulary vocabulary() {
		return this.vocabulary;
	}

	private int step(int state, int token) {
		if (state == 0) {
			return this.rootTransitions[token];
		}
		return this.transitions.get(((long) state << 32) | token, -1);
	}

	static final class Builder {

		private final Map<String, Integer> vocabulary = new HashMap<>();

		private final LongIntMap transitions = new LongIntMap(1 << 12);

		private final List<int[]> children = new ArrayList<>();

		private final List<List<Integer>> ownOutputs = new ArrayList<>();

		private int[] patternLength = new int[256];

		private int[] patternPayload = new int[256];

		private int patterns;

		Builder() {
			newNode();
		}

		/** Adds a name as folded tokens; returns false when the name has no tokens. */
		boolean add(List<String> tokens, int payload) {
			if (tokens.isEmpty()) {
				return false;
			}
			int state = 0;
			for (String token : tokens) {
				int id = this.vocabulary.computeIfAbsent(token, t -> this.vocabulary.size());
				long key = ((long) state << 32) | id;
				int next = this.transitions.get(key, -1);
				if (next < 0) {
					next = newNode();
					this.transitions.put(key, next);
					int[] kids = this.children.get(state);
					kids = Arrays.copyOf(kids, kids.length + 2);
					kids[kids.length - 2] = id;
					kids[kids.length - 1] = next;
					this.children.set(state, kids);
				}
				state = next;
			}
			if (this.patterns == this.patternLength.length) {
				this.patternLength = Arrays.copyOf(this.patternLength, this.patterns * 2);
				this.patternPayload = Arrays.copyOf(this.patternPayload, this.patterns * 2);
			}
			this.patternLength[this.patterns] = tokens.size();
			this.patternPayload[this.patterns] = payload;
			this.ownOutputs.get(state).add(this.patterns);
			this.patterns++;
			return true;
		}

		private int newNode() {
			this.children.add(new int[0]);
			this.ownOutputs.add(new ArrayList<>(1));
			return this.children.size() - 1;
		}

		NameIndex build(java.util.Set<String> preferred) {
			int nodes = this.children.size();
			int[] fail = new int[nodes];
			int[] outputLink = new int[nodes];
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			int[] rootKids = this.children.get(0);
			for (int k = 1; k < rootKids.length; k += 2) {
				queue.add(rootKids[k]);
			}
			while (!queue.isEmpty()) {
				int node = queue.poll();
				int[] kids = this.children.get(node);
				for (int k = 0; k < kids.length; k += 2) {
					int token = kids[k];
					int child = kids[k + 1];
					int f = fail[node];
					int target = this.transitions.get(((long) f << 32) | token, -1);
					while (target < 0 && f != 0) {
						f = fail[f];
						target = this.transitions.get(((long) f << 32) | token, -1);
					}
					fail[child] = (target < 0 || target == child) ? 0 : target;
					int fc = fail[child];
					outputLink[child] = this.ownOutputs.get(fc).isEmpty() ? outputLink[fc] : fc;
					queue.add(child);
				}
			}
			int[][] outputs = new int[nodes][];
			for (int n = 0; n < nodes; n++) {
				outputs[n] = this.ownOutputs.get(n).stream().mapToInt(Integer::intValue).toArray();
			}
			// the root's own outputs never fire and keep the output chain free of self-loops
			outputLink[0] = 0;
			String[] byId = new String[this.vocabulary.size()];
			this.vocabulary.forEach((token, id) -> byId[id] = token);
			int[] rootTransitions = new int[byId.length];
			Arrays.fill(rootTransitions, -1);
			for (int k = 0; k < rootKids.length; k += 2) {
				rootTransitions[rootKids[k]] = rootKids[k + 1];
			}
			return new NameIndex(new TokenVocabulary(List.of(byId), preferred), this.transitions, rootTransitions, fail, outputLink, outputs,
					Arrays.copyOf(this.patternLength, this.patterns), Arrays.copyOf(this.patternPayload, this.patterns));
		}

	}

}
