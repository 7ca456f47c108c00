package io.paperpulse.tagging.text;

import java.util.Arrays;

/**
 * Per-thread table from the characters of a token to its {@link Word}, looked up straight from
 * the text (hash and comparison over a character range, no substring). Bounded: when full it
 * starts over, so a stream of ever new words costs memory only up to the bound.
 */
final class WordCache {
  private static final int CAPACITY = 1 << 16; // slots; at most half of them used
  private static final int MAX_WORDS = CAPACITY / 2;

  private final Word[] words = new Word[CAPACITY];
  private final int[] hashes = new int[CAPACITY];
  private int size;

  /** The word cached for {@code text[start, end)} with hash {@code hash}, or null. */
  Word find(String text, int start, int end, int hash) {
    int mask = CAPACITY - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      Word w = words[slot];
      if (w == null) {
        return null;
      }
      if (hashes[slot] == hash && sameCharacters(w.surface(), text, start, end)) {
        return w;
      }
    }
  }

  void add(Word word, int hash) {
    if (size == MAX_WORDS) {
      Arrays.fill(words, null);
      size = 0;
    }
    int mask = CAPACITY - 1;
    int slot = spread(hash) & mask;
    while (words[slot] != null) {
      slot = (slot + 1) & mask;
    }
    words[slot] = word;
    hashes[slot] = hash;
    size++;
  }

  private static boolean sameCharacters(String word, String text, int start, int end) {
    return word.length() == end - start && text.regionMatches(start, word, 0, word.length());
  }

  /** The high bits of a multiplicative hash, which depend on every bit of the string hash. */
  private static int spread(int h) {
    return (h * 0x9E3779B1) >>> 16;
  }
}
