package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * Everything the extractor keeps about the paper it is working on: the words in order (title
 * first) with their features and flags, the paper's stems and its candidates. One per thread,
 * cleared and refilled for each paper, so extraction allocates next to nothing.
 */
final class Workspace {
  final StemTable stems = new StemTable();
  final CandidateTable candidates = new CandidateTable();
  private WordFeatures[] features = new WordFeatures[256];
  private boolean[] inTitle = new boolean[256];
  private boolean[] breakBefore = new boolean[256];
  private int[] stemIndex = new int[256];
  private double[] stemScores = new double[128];
  private double[] candidateScores = new double[256];
  private int size;

  void clear() {
    Arrays.fill(features, 0, size, null);
    size = 0;
    stems.clear();
    candidates.clear();
  }

  int size() {
    return size;
  }

  void add(WordFeatures word, boolean title, boolean phraseBreak) {
    if (size == features.length) {
      int grown = size * 2;
      features = Arrays.copyOf(features, grown);
      inTitle = Arrays.copyOf(inTitle, grown);
      breakBefore = Arrays.copyOf(breakBefore, grown);
      stemIndex = Arrays.copyOf(stemIndex, grown);
    }
    features[size] = word;
    inTitle[size] = title;
    breakBefore[size] = phraseBreak || size == 0 || inTitle[size - 1] != title;
    stemIndex[size] = word.stop() ? -1 : stems.indexOf(word.stem(), word.stemHash(), word.defaultIdf());
    size++;
  }

  WordFeatures features(int i) {
    return features[i];
  }

  boolean inTitle(int i) {
    return inTitle[i];
  }

  boolean breakBefore(int i) {
    return breakBefore[i];
  }

  int stemIndex(int i) {
    return stemIndex[i];
  }

  /** Scratch array for one score per stem of the paper. */
  double[] stemScores() {
    if (stemScores.length < stems.size()) {
      stemScores = new double[Math.max(stems.size(), stemScores.length * 2)];
    }
    return stemScores;
  }

  /** Scratch array for one score per candidate of the paper. */
  double[] candidateScores() {
    if (candidateScores.length < candidates.size()) {
      candidateScores = new double[Math.max(candidates.size(), candidateScores.length * 2)];
    }
    return candidateScores;
  }

  /** True when the words at {@code a} and {@code b} have the same stems for {@code len} words. */
  boolean sameStems(int a, int b, int len) {
    for (int k = 0; k < len; k++) {
      if (stemIndex[a + k] != stemIndex[b + k]) {
        return false;
      }
    }
    return true;
  }

  /** True when the phrases at {@code a} and {@code b} would get the same name. */
  boolean sameSpelling(int a, int b, int len) {
    for (int k = 0; k < len - 1; k++) {
      if (!features[a + k].lower().equals(features[b + k].lower())) {
        return false;
      }
    }
    return features[a + len - 1].singular().equals(features[b + len - 1].singular());
  }

  /** Name of the phrase at {@code from}: lower case, the last word singular. */
  String name(int from, int len) {
    if (len == 1) {
      return features[from].singular();
    }
    StringBuilder name = new StringBuilder(len * 10);
    for (int k = 0; k < len - 1; k++) {
      name.append(features[from + k].lower()).append(' ');
    }
    return name.append(features[from + len - 1].singular()).toString();
  }

  /** Stems of the phrase at {@code from} joined by spaces: the key shared by its variants. */
  String key(int from, int len) {
    StringBuilder key = new StringBuilder(len * 8);
    for (int k = 0; k < len; k++) {
      if (k > 0) {
        key.append(' ');
      }
      key.append(features[from + k].stem());
    }
    return key.toString();
  }
}
