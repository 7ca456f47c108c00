package io.paperpulse.tagging.text;

import java.util.Arrays;

/**
 * Per-thread table from the characters of a token to its {@link Word}, looked up straight from
 * the text being scanned (hash and comparison over a character range, no substring). Bounded:
 * when full it starts over, so a stream of ever new words costs memory only up to the bound
 * (64k words, some megabytes per thread); a working vocabulary of research prose fits.
 */
final class WordCache {
  private static final int CAPACITY = 1 << 17; // slots; at most half of them used (64k words)
  private static final int MAX_WORDS = CAPACITY / 2;

  private final Word[] words = new Word[CAPACITY];
  private final char[][] keys = new char[CAPACITY][]; // the characters, one load away from the table
  private int size;

  /** The word cached for {@code text[start, end)} with hash {@code hash}, or null. */
  Word find(char[] text, int start, int end, int hash) {
    int mask = CAPACITY - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      char[] key = keys[slot];
      if (key == null) {
        return null;
      }
      if (Arrays.equals(key, 0, key.length, text, start, end)) {
        return words[slot];
      }
    }
  }

  void add(Word word, int hash) {
    if (size == MAX_WORDS) {
      Arrays.fill(words, null);
      Arrays.fill(keys, null);
      size = 0;
    }
    int mask = CAPACITY - 1;
    int slot = spread(hash) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    words[slot] = word;
    keys[slot] = word.surface().toCharArray();
    size++;
  }

  /** The high bits of a multiplicative hash, which depend on every bit of the string hash. */
  private static int spread(int h) {
    return (h * 0x9E3779B1) >>> 16;
  }
}
