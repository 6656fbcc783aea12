package org.sanctionswatch.gazetteer;

import java.util.Arrays;

/** Open-addressing map from long to int, for automaton transitions without boxing. */
final class LongIntMap {

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys;

	private int[] values;

	private int size;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
		Arrays.fill(this.keys, EMPTY);
	}

	int get(long key, int missing) {
		int mask = this.keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			long k = this.keys[i];
			if (k == key) {
				return this.values[i];
			}
			if (k == EMPTY) {
				return missing;
			}
		}
	}

	void put(long key, int value) {
		if ((this.size + 1) * 2 > this.keys.length) {
			grow();
		}
		int mask = this.keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			if (this.keys[i] == EMPTY) {
				this.keys[i] = key;
				this.values[i] = value;
				this.size++;
				return;
			}
			if (this.keys[i] == key) {
				this.values[i] = value;
				return;
			}
		}
	}

	private void grow() {
		long[] oldKeys = this.keys;
		int[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new int[oldKeys.length * 2];
		Arrays.fill(this.keys, EMPTY);
		this.size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				put(oldKeys[i], oldValues[i]);
			}
		}
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

}
