package org.sanctionswatch.text;

import java.util.Collection;

/**
 * A fixed set of folded tokens, each with an id (its position in the collection it was built from). Tokenizing
 * against a vocabulary gives every known token its id and its one shared {@code String} as the token is read,
 * so the gazetteer never hashes a token again and known words cost no allocation.
 */
public final class TokenVocabulary {

	private final String[] tokens;

	/** Every token's characters, one after the other, so that a look-up touches few cache lines. */
	private final char[] characters;

	/** Where each token's characters start in {@link #characters}; one more entry for the end. */
	private final int[] offsets;

	/** Open addressing: the token's hash in the high half, its id + 1 in the low half, 0 when empty. */
	private final long[] slots;

	/**
	 * One bit per hash bucket (32 KB, stays in cache): most words of an article are in no name, and a clear bit
	 * says so without touching the large table.
	 */
	private final long[] present = new long[1 << (FILTER_BITS - 6)];

	private static final int FILTER_BITS = 18;

	public TokenVocabulary(Collection<String> tokens) {
		this.tokens = tokens.toArray(String[]::new);
		this.offsets = new int[this.tokens.length + 1];
		for (int id = 0; id < this.tokens.length; id++) {
			this.offsets[id + 1] = this.offsets[id] + this.tokens[id].length();
		}
		this.characters = new char[this.offsets[this.tokens.length]];
		int capacity = Integer.highestOneBit(Math.max(16, this.tokens.length * 2) - 1) << 1;
		this.slots = new long[capacity];
		int mask = capacity - 1;
		for (int id = 0; id < this.tokens.length; id++) {
			String token = this.tokens[id];
			token.getChars(0, token.length(), this.characters, this.offsets[id]);
			int hash = token.hashCode();
			int i = mix(hash) & mask;
			while (this.slots[i] != 0) {
				if (this.tokens[(int) this.slots[i] - 1].equals(token)) {
					throw new IllegalArgumentException("token '" + token + "' is listed twice");
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = ((long) hash << 32) | (id + 1);
			int bit = filterBit(hash);
			this.present[bit >>> 6] |= 1L << bit;
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
		if (absent(hash)) {
			return -1;
		}
		int mask = this.slots.length - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			long slot = this.slots[i];
			if (slot == 0) {
				return -1;
			}
			int id = (int) slot - 1;
			if ((int) (slot >>> 32) == hash && this.tokens[id].equals(token)) {
				return id;
			}
		}
	}

	/** The id of the token in {@code chars[0..length)}, whose {@link String#hashCode()} is {@code hash}; or -1. */
	int id(char[] chars, int length, int hash) {
		if (absent(hash)) {
			return -1;
		}
		int mask = this.slots.length - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			long slot = this.slots[i];
			if (slot == 0) {
				return -1;
			}
			int id = (int) slot - 1;
			if ((int) (slot >>> 32) == hash && same(id, chars, length)) {
				return id;
			}
		}
	}

	private boolean same(int id, char[] chars, int length) {
		int from = this.offsets[id];
		if (this.offsets[id + 1] - from != length) {
			return false;
		}
		for (int k = 0; k < length; k++) {
			if (this.characters[from + k] != chars[k]) {
				return false;
			}
		}
		return true;
	}

	private boolean absent(int hash) {
		int bit = filterBit(hash);
		return (this.present[bit >>> 6] & (1L << bit)) == 0;
	}

	private static int filterBit(int hash) {
		return (hash * 0x85EBCA6B) >>> (32 - FILTER_BITS);
	}

	private static int mix(int hash) {
		int h = hash * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
