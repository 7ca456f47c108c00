package io.paperpulse.tagging.text;

import java.util.Arrays;

/**
 * Per-thread table from the characters of a token to its number in the current {@link Vocabulary},
 * looked up straight from the text being scanned (hash and comparison over a character range, no
 * substring).
 *
 * <p>Every token of every paper goes through {@link #find}, so the table is laid out for the
 * processor cache rather than as objects: a slot is one int holding 16 bits of the spelling's hash
 * and its word number, so a probe settles on one read of a small array (32 KB for 4k words) before
 * it compares characters; the spellings sit one after another in one character pool, found by word
 * number. The arrays start small and double only as the vocabulary grows, so a working vocabulary
 * of a few thousand words stays in the core's own cache. Bounded: a text that starts with 64k words
 * known (or a full pool) starts a new vocabulary, so a stream of ever new words costs memory only
 * up to the bound plus one text (some megabytes per thread); a working vocabulary of research prose
 * fits. The vocabulary never changes in the middle of a text, whose tokens must all be numbered in
 * one. Longer tokens than {@link #MAX_LENGTH} characters are numbered but not kept for lookup.
 */
final class WordCache {
  static final int MAX_LENGTH = 255;
  private static final int INITIAL_BITS = 12;
  private static final int MAX_BITS = 17; // slots; at most half of them used (64k words)
  private static final int MAX_WORDS = (1 << MAX_BITS) / 2;
  private static final int MAX_POOL = 1 << 20; // characters
  private static final int MAX_OFFSET = 1 << 23; // what a place can address

  private int bits;
  private int[] slots; // top 16 bits of the hash << 16 | (word number + 1); 0 marks an empty slot
  private static final int TAG_MASK = 0xffff0000;
  private static final int ID_MASK = 0xffff;

  private int[] places; // by word number: pool offset << 8 | length
  private int[] hashes; // by word number, to re-insert when the table grows
  private char[] pool;
  private int poolSize;
  private Vocabulary vocabulary;

  WordCache() {
    allocate(INITIAL_BITS);
  }

  /** Starts a new vocabulary when this one is full, before a text of {@code length} characters. */
  void startText(int length) {
    if (vocabulary.size() >= MAX_WORDS || poolSize + length > MAX_POOL) {
      allocate(INITIAL_BITS);
    }
  }

  /** The vocabulary the numbers of {@link #find} and {@link #add} refer to. */
  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The number of the word cached for {@code text[start, end)} with hash {@code hash}, or -1. */
  int find(char[] text, int start, int end, int hash) {
    int mask = slots.length - 1;
    int tag = tagOf(hash);
    for (int slot = slotOf(hash); ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if ((entry & TAG_MASK) == tag) {
        int id = (entry & ID_MASK) - 1;
        if (samePlace(places[id], text, start, end)) {
          return id;
        }
      }
    }
  }

  /** Numbers {@code word}, whose surface form has hash {@code hash}, in the current vocabulary. */
  int add(Word word, int hash) {
    String surface = word.surface();
    int length = surface.length();
    int id = vocabulary.add(word);
    if (length > MAX_LENGTH || poolSize + length > MAX_OFFSET || id + 1 > ID_MASK) {
      return id; // numbered, never found again: such tokens are not words, or the text is huge
    }
    if ((id + 1) * 2 > slots.length) {
      grow();
    }
    if (id >= places.length) {
      places = Arrays.copyOf(places, places.length * 2);
      hashes = Arrays.copyOf(hashes, places.length);
    }
    if (poolSize + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(poolSize + length, pool.length * 2));
    }
    surface.getChars(0, length, pool, poolSize);
    places[id] = poolSize << 8 | length;
    poolSize += length;
    hashes[id] = hash;
    insert(hash, id);
    return id;
  }

  private void insert(int hash, int id) {
    int mask = slots.length - 1;
    int slot = slotOf(hash);
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = tagOf(hash) | (id + 1);
  }

  private void grow() {
    int[] old = slots;
    bits++;
    slots = new int[1 << bits];
    for (int entry : old) {
      if (entry != 0) {
        int id = (entry & ID_MASK) - 1;
        insert(hashes[id], id);
      }
    }
  }

  private void allocate(int tableBits) {
    bits = tableBits;
    slots = new int[1 << tableBits];
    places = new int[1 << (tableBits - 1)];
    hashes = new int[1 << (tableBits - 1)];
    pool = new char[8 << tableBits];
    poolSize = 0;
    vocabulary = new Vocabulary();
  }

  /** The top bits of a multiplicative hash, which depend on every bit of the string hash. */
  private int slotOf(int hash) {
    return (hash * 0x9E3779B1) >>> (32 - bits);
  }

  /** 16 bits of the hash other than those that choose the slot, in the slot's upper half. */
  private static int tagOf(int hash) {
    return (hash * 0x9E3779B1) << 16;
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
