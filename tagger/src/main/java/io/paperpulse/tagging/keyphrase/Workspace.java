package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * Everything the extractor keeps about the paper it is working on: the words in order (title first)
 * with their flags, spellings and stems, the paper's stems and its candidates, plus the thread's
 * {@link Lexicon} those numbers refer to. One per thread, cleared and refilled for each paper, so
 * extraction allocates next to nothing.
 */
final class Workspace {
  final StemTable stems = new StemTable();
  final CandidateTable candidates = new CandidateTable();
  private Lexicon lexicon = new Lexicon();
  private int[] flags = new int[256];
  private int[] lowers = new int[256];
  private int[] singulars = new int[256];
  private boolean[] inTitle = new boolean[256];
  private boolean[] breakBefore = new boolean[256];
  private int[] stemIndex = new int[256];
  private double[] stemScores = new double[128];
  private double[] stemEverydayFactors = new double[128];
  private double[] candidateScores = new double[256];
  private int size;

  private boolean[] linkedAcronyms = new boolean[128];
  private int[] longFormStarts = new int[128];
  private int[] longFormLengths = new int[128];

  /** Forgets the previous paper; starts a new lexicon when the old one is full. */
  void clear() {
    if (acronymsLinked) {
      Arrays.fill(linkedAcronyms, false);
      acronymsLinked = false;
    }
    size = 0;
    candidates.clear();
    if (lexicon.full()) {
      lexicon = new Lexicon();
      stems.forgetLexicon();
    }
    stems.clear();
  }

  Lexicon lexicon() {
    return lexicon;
  }

  int size() {
    return size;
  }

  /**
   * Appends word {@code word} of {@code features} (derived already) and counts its stem's weight.
   *
   * @param weight what this occurrence adds to the weight of its stem
   */
  void add(FeatureColumns features, int word, boolean title, boolean phraseBreak, double weight) {
    if (size == flags.length) {
      int grown = size * 2;
      flags = Arrays.copyOf(flags, grown);
      lowers = Arrays.copyOf(lowers, grown);
      singulars = Arrays.copyOf(singulars, grown);
      inTitle = Arrays.copyOf(inTitle, grown);
      breakBefore = Arrays.copyOf(breakBefore, grown);
      stemIndex = Arrays.copyOf(stemIndex, grown);
    }
    int wordFlags = features.flags(word);
    flags[size] = wordFlags;
    lowers[size] = features.lower(word);
    singulars[size] = features.singular(word);
    inTitle[size] = title;
    breakBefore[size] = phraseBreak || size == 0 || inTitle[size - 1] != title;
    if ((wordFlags & FeatureColumns.STOP) != 0) {
      stemIndex[size] = -1;
    } else {
      int stem = stems.indexOf(features.stem(word), lexicon);
      if (stems.weight(stem) == 0) {
        // The stem's first occurrence in the paper speaks for all its forms ("models",
        // "modeling"), so the factor does not depend on which forms the thread met before.
        if (stem >= stemEverydayFactors.length) {
          stemEverydayFactors =
              Arrays.copyOf(
                  stemEverydayFactors, Math.max(stem + 1, stemEverydayFactors.length * 2));
        }
        stemEverydayFactors[stem] = features.everydayFactor(word);
      }
      stems.addWeight(stem, weight);
      stemIndex[size] = stem;
    }
    size++;
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

  boolean generic(int i) {
    return (flags[i] & FeatureColumns.GENERIC) != 0;
  }

  boolean modifier(int i) {
    return (flags[i] & FeatureColumns.MODIFIER) != 0;
  }

  /** True when the word at {@code i} has {@code flag} (a {@link FeatureColumns} flag). */
  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  private boolean acronymsLinked;

  /**
   * Marks the paper's stem {@code stem} as an acronym defined in the text, which stands for its
   * long form.
   */
  void linkAcronym(int stem, int longFormStart, int longFormLength) {
    if (stem >= linkedAcronyms.length) {
      int grown = Math.max(stem + 1, linkedAcronyms.length * 2);
      linkedAcronyms = Arrays.copyOf(linkedAcronyms, grown);
      longFormStarts = Arrays.copyOf(longFormStarts, grown);
      longFormLengths = Arrays.copyOf(longFormLengths, grown);
    }
    linkedAcronyms[stem] = true;
    longFormStarts[stem] = longFormStart;
    longFormLengths[stem] = longFormLength;
    acronymsLinked = true;
  }

  boolean linkedAcronym(int stem) {
    return stem >= 0 && stem < linkedAcronyms.length && linkedAcronyms[stem];
  }

  /** Position of the first word of the long form of the linked acronym {@code stem}. */
  int longFormStart(int stem) {
    return longFormStarts[stem];
  }

  /** Number of words of the long form of the linked acronym {@code stem}. */
  int longFormLength(int stem) {
    return longFormLengths[stem];
  }

  /**
   * The lower-case spelling of the word at {@code i}, for the rare checks that need its letters.
   */
  String spelling(int i) {
    return lexicon.spellingOf(lowers[i]);
  }

  /**
   * The everyday-English factor of the paper's stem {@code stem}, taken from its first occurrence.
   */
  double everydayFactor(int stem) {
    return stemEverydayFactors[stem];
  }

  /** Scratch array for one score per stem of the paper. */
  double[] stemScores() {
    if (stemScores.length < stems.size()) {
      stemScores = new double[Math.max(stems.size(), stemScores.length * 2)];
    }
    return stemScores;
  }

  /** Scratch array for the ranker's features of one candidate. */
  final double[] features = new double[KeyphraseRanker.FEATURES.size()];

  private int[] edgeFrom = new int[1024];
  private int[] edgeTo = new int[1024];
  private double[] ranks = new double[128];
  private double[] nextRanks = new double[128];
  private double[] degrees = new double[128];

  /**
   * PageRank (damping 0.85) of the paper's stems over the graph that links two stems each time they
   * occur within {@code window} positions of each other in the same part (title or abstract), as
   * SingleRank does. Every stem starts at 1 and the teleport share is 0.15 per stem, so ranks stay
   * near 1 on average (a stem without neighbours ends at 0.15). Stop words take up positions but
   * are no nodes.
   */
  double[] cooccurrenceRanks(int window, int iterations) {
    int nodes = stems.size();
    if (ranks.length < nodes) {
      int capacity = Math.max(nodes, ranks.length * 2);
      ranks = new double[capacity];
      nextRanks = new double[capacity];
      degrees = new double[capacity];
    }
    java.util.Arrays.fill(degrees, 0, nodes, 0);
    int edges = 0;
    for (int i = 0; i < size; i++) {
      int a = stemIndex[i];
      if (a < 0) {
        continue;
      }
      for (int j = i + 1; j < size && j < i + window; j++) {
        int b = stemIndex[j];
        if (b < 0 || b == a || inTitle[j] != inTitle[i]) {
          continue;
        }
        if (edges + 2 > edgeFrom.length) {
          edgeFrom = Arrays.copyOf(edgeFrom, edgeFrom.length * 2);
          edgeTo = Arrays.copyOf(edgeTo, edgeTo.length * 2);
        }
        edgeFrom[edges] = a;
        edgeTo[edges++] = b;
        edgeFrom[edges] = b;
        edgeTo[edges++] = a;
        degrees[a]++;
        degrees[b]++;
      }
    }
    Arrays.fill(ranks, 0, nodes, 1.0);
    for (int it = 0; it < iterations; it++) {
      Arrays.fill(nextRanks, 0, nodes, 0.15);
      for (int e = 0; e < edges; e++) {
        int from = edgeFrom[e];
        nextRanks[edgeTo[e]] += 0.85 * ranks[from] / degrees[from];
      }
      double[] swap = ranks;
      ranks = nextRanks;
      nextRanks = swap;
    }
    return ranks;
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

  /**
   * True when the stems of the {@code innerLength} words at {@code inner} occur in order within
   * those at {@code outer}.
   */
  boolean containsStems(int outer, int outerLength, int inner, int innerLength) {
    for (int offset = 0; offset + innerLength <= outerLength; offset++) {
      if (sameStems(outer + offset, inner, innerLength)) {
        return true;
      }
    }
    return false;
  }

  /** True when the phrases at {@code a} and {@code b} would get the same name. */
  boolean sameSpelling(int a, int b, int len) {
    for (int k = 0; k < len - 1; k++) {
      if (lowers[a + k] != lowers[b + k]) {
        return false;
      }
    }
    return singulars[a + len - 1] == singulars[b + len - 1];
  }

  /** Name of the phrase at {@code from}: lower case, the last word singular. */
  String name(int from, int len) {
    if (len == 1) {
      return lexicon.spellingOf(singulars[from]);
    }
    StringBuilder name = new StringBuilder(len * 10);
    for (int k = 0; k < len - 1; k++) {
      name.append(lexicon.spellingOf(lowers[from + k])).append(' ');
    }
    return name.append(lexicon.spellingOf(singulars[from + len - 1])).toString();
  }

  /** Stems of the phrase at {@code from} joined by spaces: the key shared by its variants. */
  String key(int from, int len) {
    StringBuilder key = new StringBuilder(len * 8);
    for (int k = 0; k < len; k++) {
      if (k > 0) {
        key.append(' ');
      }
      int stem = stemIndex[from + k];
      key.append(stem < 0 ? "of" : stems.stem(stem, lexicon));
    }
    return key.toString();
  }
}
