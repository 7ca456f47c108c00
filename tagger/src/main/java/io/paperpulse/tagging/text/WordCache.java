package io.paperpulse.tagging.text;

import java.util.Arrays;

/**
 * Per-thread table from the characters of a token to its {@link Word}, looked up straight from
 * the text being scanned (hash and comparison over a character range, no substring).
 *
 * <p>Every token of every paper goes through {@link #find}, so the table is laid out for the
 * processor cache rather than as objects: the spellings sit one after another in one character
 * pool, a slot holds the 32-bit hash and the spelling's place in the pool, and a probe compares
 * the hash, an int array read, before it compares characters. The arrays start small and double
 * only as the vocabulary grows, so a working vocabulary of a few thousand words stays in the
 * core's own cache. Bounded: at 64k words (or a full pool) it starts over, so a stream of ever
 * new words costs memory only up to the bound (some megabytes per thread); a working vocabulary
 * of research prose fits. Longer tokens than {@link #MAX_LENGTH} characters are not kept.
 */
final class WordCache {
  static final int MAX_LENGTH = 255;
  private static final int INITIAL_BITS = 12;
  private static final int MAX_BITS = 17; // slots; at most half of them used (64k words)
  private static final int MAX_WORDS = (1 << MAX_BITS) / 2;
  private static final int MAX_POOL = 1 << 20; // characters

  private int bits;
  private int[] hashes;
  private int[] places; // pool offset << 8 | length; 0 marks an empty slot (no word is empty)
  private Word[] words;
  private char[] pool;
  private int poolSize;
  private int size;

  WordCache() {
    allocate(INITIAL_BITS);
  }

  /** The word cached for {@code text[start, end)} with hash {@code hash}, or null. */
  Word find(char[] text, int start, int end, int hash) {
    int mask = hashes.length - 1;
    for (int slot = slotOf(hash); ; slot = (slot + 1) & mask) {
      int place = places[slot];
      if (place == 0) {
        return null;
      }
      if (hashes[slot] == hash && samePlace(place, text, start, end)) {
        return words[slot];
      }
    }
  }

  /** Keeps {@code word}, whose surface form has hash {@code hash}, unless it is too long. */
  void add(Word word, int hash) {
    String surface = word.surface();
    int length = surface.length();
    if (length > MAX_LENGTH) {
      return;
    }
    if (size == MAX_WORDS || poolSize + length > MAX_POOL) {
      allocate(INITIAL_BITS);
    } else if ((size + 1) * 2 > hashes.length) {
      grow();
    }
    if (poolSize + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(poolSize + length, pool.length * 2));
    }
    surface.getChars(0, length, pool, poolSize);
    insert(poolSize << 8 | length, word, hash);
    poolSize += length;
    size++;
  }

  private void insert(int place, Word word, int hash) {
    int mask = hashes.length - 1;
    int slot = slotOf(hash);
    while (places[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    places[slot] = place;
    words[slot] = word;
  }

  private void grow() {
    int[] oldHashes = hashes;
    int[] oldPlaces = places;
    Word[] oldWords = words;
    bits++;
    hashes = new int[1 << bits];
    places = new int[1 << bits];
    words = new Word[1 << bits];
    for (int i = 0; i < oldPlaces.length; i++) {
      if (oldPlaces[i] != 0) {
        insert(oldPlaces[i], oldWords[i], oldHashes[i]);
      }
    }
  }

  private void allocate(int tableBits) {
    bits = tableBits;
    hashes = new int[1 << tableBits];
    places = new int[1 << tableBits];
    words = new Word[1 << tableBits];
    pool = new char[8 << tableBits];
    poolSize = 0;
    size = 0;
  }

  /** The top bits of a multiplicative hash, which depend on every bit of the string hash. */
  private int slotOf(int hash) {
    return (hash * 0x9E3779B1) >>> (32 - bits);
  }

  /** A plain loop: tokens are short, and this beats the set-up of a vectorized comparison. */
  private boolean samePlace(int place, char[] text, int start, int end) {
    int length = place & 0xff;
    if (length != end - start) {
      return false;
    }
    int offset = place >>> 8;
    for (int k = 0; k < length; k++) {
      if (pool[offset + k] != text[start + k]) {
        return false;
      }
    }
    return true;
  }
}
