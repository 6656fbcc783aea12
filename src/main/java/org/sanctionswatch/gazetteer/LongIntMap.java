package org.sanctionswatch.gazetteer;

/**
 * Open-addressing map from long to int, for automaton transitions without boxing. Each key sits next to its
 * value in one array, so a look-up in a table far larger than the cache costs one cache line, not two.
 */
final class LongIntMap {

	private static final long EMPTY = Long.MIN_VALUE;

	/** Key at {@code 2i}, value at {@code 2i + 1}. */
	private long[] table;

	private int size;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
		this.table = emptyTable(capacity);
	}

	private static long[] emptyTable(int capacity) {
		long[] table = new long[capacity * 2];
		for (int i = 0; i < table.length; i += 2) {
			table[i] = EMPTY;
		}
		return table;
	}

	int get(long key, int missing) {
		long[] t = this.table;
		int mask = (t.length >> 1) - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			long k = t[i << 1];
			if (k == key) {
				return (int) t[(i << 1) + 1];
			}
			if (k == EMPTY) {
				return missing;
			}
		}
	}

	void put(long key, int value) {
		if ((this.size + 1) * 2 > (this.table.length >> 1)) {
			grow();
		}
		long[] t = this.table;
		int mask = (t.length >> 1) - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			if (t[i << 1] == EMPTY) {
				t[i << 1] = key;
				t[(i << 1) + 1] = value;
				this.size++;
				return;
			}
			if (t[i << 1] == key) {
				t[(i << 1) + 1] = value;
				return;
			}
		}
	}

	private void grow() {
		long[] old = this.table;
		this.table = emptyTable(old.length);
		this.size = 0;
		for (int i = 0; i < old.length; i += 2) {
			if (old[i] != EMPTY) {
				put(old[i], (int) old[i + 1]);
			}
		}
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

}
