package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * The distinct stems of one paper, numbered 0, 1, 2, ... in order of first appearance, with the
 * weight each accumulates. Stems arrive as {@link Lexicon} numbers, so finding a stem's index is an
 * array read (is the lexicon stem stamped with the current paper?) rather than a hash probe. Reused
 * from paper to paper by one thread: {@link #clear} forgets the previous paper by moving to the
 * next stamp, without touching the arrays.
 */
final class StemTable {
  private int[] paperOf = new int[1024]; // by lexicon stem: stamp of the last paper that had it
  private int[] indexOf = new int[1024]; // by lexicon stem: its index in that paper
  private int paper = 1;
  private int[] lexiconStems = new int[128];
  private double[] weights = new double[128];
  private int size;

  void clear() {
    size = 0;
    if (++paper == Integer.MAX_VALUE) {
      forgetLexicon();
    }
  }

  /** The lexicon changed: its stem numbers mean other stems now. */
  void forgetLexicon() {
    Arrays.fill(paperOf, 0);
    paper = 1;
  }

  int size() {
    return size;
  }

  /** The stem of the paper's stem {@code index}. */
  String stem(int index, Lexicon lexicon) {
    return lexicon.stemOf(lexiconStems[index]);
  }

  double weight(int index) {
    return weights[index];
  }

  /** IDF of the stem in the extractor's default table. */
  double defaultIdf(int index, Lexicon lexicon) {
    return lexicon.defaultIdf(lexiconStems[index]);
  }

  /** {@link KeyphrasePriors#stemPrior} of the stem in the extractor's priors. */
  double stemPrior(int index, Lexicon lexicon) {
    return lexicon.stemPrior(lexiconStems[index]);
  }

  void addWeight(int index, double weight) {
    weights[index] += weight;
  }

  /** Index of the lexicon's stem {@code stem} in this paper, numbering it when new. */
  int indexOf(int stem, Lexicon lexicon) {
    if (stem >= paperOf.length) {
      int capacity = Math.max(lexicon.stemCount(), paperOf.length * 2);
      paperOf = Arrays.copyOf(paperOf, capacity);
      indexOf = Arrays.copyOf(indexOf, capacity);
    }
    if (paperOf[stem] == paper) {
      return indexOf[stem];
    }
    if (size == lexiconStems.length) {
      lexiconStems = Arrays.copyOf(lexiconStems, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    int index = size++;
    lexiconStems[index] = stem;
    weights[index] = 0;
    paperOf[stem] = paper;
    indexOf[stem] = index;
    return index;
  }
}
