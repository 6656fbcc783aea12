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

	/**
	 * Open addressing, four longs per slot so that one look-up reads one place: the token's hash and id + 1
	 * (0 when the slot is empty), its length and offset in {@link #characters}, and its first eight characters.
	 */
	private final long[] slots;

	/**
	 * One bit per hash bucket (32 KB, stays in cache): most words of an article are in no name, and a clear bit
	 * says so without touching the large table.
	 */
	private final long[] present = new long[1 << (FILTER_BITS - 6)];

	private static final int FILTER_BITS = 18;

	/**
	 * Folded Cyrillic lemmas that some name writes in their dictionary form ("Индия"): of the lemmas of an
	 * ambiguous form ("Индии": indium or India), the one a name is written in is the one to match under.
	 */
	private final java.util.Set<String> preferred;

	public TokenVocabulary(Collection<String> tokens) {
		this(tokens, java.util.Set.of());
	}

	public TokenVocabulary(Collection<String> tokens, java.util.Set<String> preferred) {
		this.preferred = java.util.Set.copyOf(preferred);
		this.tokens = tokens.toArray(String[]::new);
		this.offsets = new int[this.tokens.length + 1];
		for (int id = 0; id < this.tokens.length; id++) {
			this.offsets[id + 1] = this.offsets[id] + this.tokens[id].length();
		}
		this.characters = new char[this.offsets[this.tokens.length]];
		int capacity = Integer.highestOneBit(Math.max(16, this.tokens.length * 2) - 1) << 1;
		this.slots = new long[capacity * 4];
		int mask = capacity - 1;
		for (int id = 0; id < this.tokens.length; id++) {
			String token = this.tokens[id];
			token.getChars(0, token.length(), this.characters, this.offsets[id]);
			int hash = token.hashCode();
			int i = mix(hash) & mask;
			while (this.slots[i << 2] != 0) {
				if (this.tokens[(int) this.slots[i << 2] - 1].equals(token)) {
					throw new IllegalArgumentException("token '" + token + "' is listed twice");
				}
				i = (i + 1) & mask;
			}
			this.slots[i << 2] = ((long) hash << 32) | (id + 1);
			this.slots[(i << 2) + 1] = ((long) token.length() << 32) | this.offsets[id];
			this.slots[(i << 2) + 2] = pack(this.characters, this.offsets[id], Math.min(4, token.length()));
			this.slots[(i << 2) + 3] = pack(this.characters, this.offsets[id] + 4, Math.max(0, Math.min(4, token.length() - 4)));
			int bit = filterBit(hash);
			this.present[bit >>> 6] |= 1L << bit;
		}
	}

	private static long pack(char[] chars, int from, int count) {
		long packed = 0;
		for (int k = 0; k < count; k++) {
			packed |= (long) chars[from + k] << (16 * k);
		}
		return packed;
	}

	/** A vocabulary of no tokens that only states preferences, for registering names before the vocabulary exists. */
	public static TokenVocabulary preferring(java.util.Set<String> preferred) {
		return new TokenVocabulary(java.util.List.of(), preferred);
	}

	/** Whether a folded Cyrillic lemma is one that a name writes in its dictionary form. */
	public boolean preferred(String folded) {
		return this.preferred.contains(folded);
	}

	public java.util.Set<String> preferences() {
		return this.preferred;
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
		int mask = (this.slots.length >> 2) - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			long slot = this.slots[i << 2];
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
		int mask = (this.slots.length >> 2) - 1;
		for (int i = mix(hash) & mask;; i = (i + 1) & mask) {
			int at = i << 2;
			long slot = this.slots[at];
			if (slot == 0) {
				return -1;
			}
			if ((int) (slot >>> 32) == hash && same(at, chars, length)) {
				return (int) slot - 1;
			}
		}
	}

	private boolean same(int at, char[] chars, int length) {
		long lengthAndOffset = this.slots[at + 1];
		if ((int) (lengthAndOffset >>> 32) != length) {
			return false;
		}
		if (pack(chars, 0, Math.min(4, length)) != this.slots[at + 2]) {
			return false;
		}
		if (length <= 4) {
			return true;
		}
		if (pack(chars, 4, Math.min(4, length - 4)) != this.slots[at + 3]) {
			return false;
		}
		int from = (int) lengthAndOffset;
		for (int k = 8; k < length; k++) {
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
