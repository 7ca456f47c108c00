package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * The distinct stems of one paper, numbered 0, 1, 2, ... in order of first appearance, with the
 * weight each accumulates. Reused from paper to paper by one thread: {@link #clear} forgets the
 * previous paper without reallocating.
 */
final class StemTable {
  private int[] slots = new int[256]; // stem index + 1; 0 is empty
  private String[] stems = new String[128];
  private int[] hashes = new int[128];
  private double[] weights = new double[128];
  private double[] defaultIdfs = new double[128];
  private int size;

  void clear() {
    Arrays.fill(slots, 0);
    Arrays.fill(stems, 0, size, null);
    size = 0;
  }

  int size() {
    return size;
  }

  String stem(int index) {
    return stems[index];
  }

  double weight(int index) {
    return weights[index];
  }

  /** IDF of the stem in the extractor's default table, as given when the stem was first seen. */
  double defaultIdf(int index) {
    return defaultIdfs[index];
  }

  void addWeight(int index, double weight) {
    weights[index] += weight;
  }

  /** Index of {@code stem}, whose String hash is {@code hash}, numbering it when new. */
  int indexOf(String stem, int hash, double defaultIdf) {
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return add(stem, hash, defaultIdf, slot);
      }
      // The int comparison settles nearly every probe without touching a String.
      if (hashes[entry - 1] == hash) {
        String known = stems[entry - 1];
        if (known == stem || known.equals(stem)) {
          return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(String stem, int hash, double defaultIdf, int slot) {
    if (size == stems.length) {
      stems = Arrays.copyOf(stems, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
      defaultIdfs = Arrays.copyOf(defaultIdfs, size * 2);
    }
    int index = size++;
    stems[index] = stem;
    hashes[index] = hash;
    weights[index] = 0;
    defaultIdfs[index] = defaultIdf;
    slots[slot] = index + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return index;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = spread(hashes[i]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
