package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * The candidate phrases of one paper, keyed by their sequence of stem indices, with the position of
 * their first occurrence and the distinct spellings they were seen with. Holds only ints: a
 * spelling is remembered as the position of one occurrence, and names are only built for the
 * candidates that make the top of the ranking. Reused from paper to paper by one thread.
 */
final class CandidateTable {
  private int[] slots = new int[512]; // candidate index + 1; 0 is empty
  private int[] start = new int[256];
  private int[] length = new int[256];
  private int[] hashes = new int[256];
  private boolean[] allGeneric = new boolean[256];
  private int[] firstSpelling = new int[256];
  private int[] last = new int[256];
  private int[] occurrences = new int[256];
  private int size;

  // Spellings: a linked list per candidate of (occurrence position, count).
  private int[] spellingStart = new int[256];
  private int[] spellingCount = new int[256];
  private int[] spellingNext = new int[256];
  private int spellings;

  void clear() {
    Arrays.fill(slots, 0);
    size = 0;
    spellings = 0;
  }

  int size() {
    return size;
  }

  int start(int candidate) {
    return start[candidate];
  }

  int length(int candidate) {
    return length[candidate];
  }

  boolean allGeneric(int candidate) {
    return allGeneric[candidate];
  }

  /** Position of the candidate's last occurrence. */
  int last(int candidate) {
    return last[candidate];
  }

  /** How many times the candidate occurs, in any spelling. */
  int occurrences(int candidate) {
    return occurrences[candidate];
  }

  private static int hash(Workspace words, int from, int len) {
    int hash = len;
    for (int k = 0; k < len; k++) {
      hash = hash * 31 + words.stemIndex(from + k);
    }
    return hash;
  }

  int firstSpelling(int candidate) {
    return firstSpelling[candidate];
  }

  int nextSpelling(int spelling) {
    return spellingNext[spelling];
  }

  int spellingStart(int spelling) {
    return spellingStart[spelling];
  }

  int spellingCount(int spelling) {
    return spellingCount[spelling];
  }

  /**
   * Records the occurrence of the words {@code [from, from + len)}: finds the candidate with the
   * same stems (or creates it, first occurrence here) and counts the spelling.
   */
  void add(Workspace words, int from, int len) {
    int hash = hash(words, from, len);
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        create(words, from, len, hash, slot);
        return;
      }
      int c = entry - 1;
      if (hashes[c] == hash && length[c] == len && words.sameStems(start[c], from, len)) {
        if (from > last[c]) {
          last[c] = from;
        }
        occurrences[c]++;
        countSpelling(c, words, from, len);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void create(Workspace words, int from, int len, int hash, int slot) {
    if (size == start.length) {
      int grown = size * 2;
      start = Arrays.copyOf(start, grown);
      length = Arrays.copyOf(length, grown);
      hashes = Arrays.copyOf(hashes, grown);
      allGeneric = Arrays.copyOf(allGeneric, grown);
      firstSpelling = Arrays.copyOf(firstSpelling, grown);
      last = Arrays.copyOf(last, grown);
      occurrences = Arrays.copyOf(occurrences, grown);
    }
    int c = size++;
    start[c] = from;
    last[c] = from;
    occurrences[c] = 1;
    length[c] = len;
    hashes[c] = hash;
    boolean generic = true;
    for (int k = 0; k < len && generic; k++) {
      generic = words.generic(from + k) || words.has(from + k, FeatureColumns.OF);
    }
    allGeneric[c] = generic;
    firstSpelling[c] = newSpelling(from, -1);
    slots[slot] = c + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
  }

  private void countSpelling(int candidate, Workspace words, int from, int len) {
    for (int s = firstSpelling[candidate]; s >= 0; s = spellingNext[s]) {
      if (words.sameSpelling(spellingStart[s], from, len)) {
        spellingCount[s]++;
        return;
      }
    }
    firstSpelling[candidate] = newSpelling(from, firstSpelling[candidate]);
  }

  private int newSpelling(int from, int next) {
    if (spellings == spellingStart.length) {
      int grown = spellings * 2;
      spellingStart = Arrays.copyOf(spellingStart, grown);
      spellingCount = Arrays.copyOf(spellingCount, grown);
      spellingNext = Arrays.copyOf(spellingNext, grown);
    }
    int s = spellings++;
    spellingStart[s] = from;
    spellingCount[s] = 1;
    spellingNext[s] = next;
    return s;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int c = 0; c < size; c++) {
      int slot = spread(hashes[c]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = c + 1;
    }
  }

  private static int spread(int h) {
    return (h * 0x9E3779B1) >>> 7;
  }
}
