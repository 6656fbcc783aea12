package org.sanctionswatch.text;

import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of folded tokens, each with an id (its position in the collection it was built from). Tokenizing
 * against a vocabulary gives every known token its id and its one shared {@code String} as the token is read,
 * so the gazetteer never hashes a token again and known words cost no allocation.
 */
public final class TokenVocabulary {

	private final String[] tokens;

	/** The same tokens as characters, compared with the characters being read. */
	private final char[][] chars;

	/** Open addressing: slot to id + 1, 0 when empty. */
	private final int[] slots;

	private final int[] hashes;

	public TokenVocabulary(Collection<String> tokens) {
		this.tokens = tokens.toArray(String[]::new);
		this.chars = new char[this.tokens.length][];
		for (int id = 0; id < this.tokens.length; id++) {
			this.chars[id] = this.tokens[id].toCharArray();
		}
		int capacity = Integer.highestOneBit(Math.max(16, this.tokens.length * 2) - 1) << 1;
		this.slots = new int[capacity];
		this.hashes = new int[capacity];
		int mask = capacity - 1;
		for (int id = 0; id < this.tokens.length; id++) {
			int hash = this.tokens[id].hashCode();
			int i = mix(hash) & mask;
			while (this.slots[i] != 0) {
				if (this.tokens[this.slots[i] - 1].equals(this.tokens[id])) {
					throw new IllegalArgumentException("token '" + this.tokens[id] + "' is listed twice");
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = id + 1;
			this.hashes[i] = hash;
		}
	}

	public int size() {
		return this.tokens.length;
	}

	public String token(int id) {
		return this.tokens[id];
	}

	/** The id of a token, or -1 when it is not in the vocabulary. */
	public int id(String token) {
		int hash = token.hashCode();
		int mask = this.slots.length - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			int slot = this.slots[i];
			if (slot == 0) {
				return -1;
			}
			if (this.hashes[i] == hash && this.tokens[slot - 1].equals(token)) {
				return slot - 1;
			}
		}
	}

	/** The id of the token in {@code chars[0..length)}, whose {@link String#hashCode()} is {@code hash}; or -1. */
	int id(char[] chars, int length, int hash) {
		int mask = this.slots.length - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			int slot = this.slots[i];
			if (slot == 0) {
				return -1;
			}
			if (this.hashes[i] == hash && Arrays.equals(this.chars[slot - 1], 0, this.chars[slot - 1].length, chars, 0,
					length)) {
				return slot - 1;
			}
		}
	}

	private static int mix(int hash) {
		int h = hash * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
