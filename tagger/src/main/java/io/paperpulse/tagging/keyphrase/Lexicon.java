package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One thread's numbering of the stems, spellings and hyphenated compounds the extractor has met,
 * across papers and tokenizer vocabularies, so that a paper's words compare and index by int.
 *
 * <p>Per-word features (in each vocabulary's annex and for compounds here) refer to these numbers,
 * which is why the title and the body of a paper can come from two vocabularies (the tokenizer may
 * start a new one between them) and still share stem numbers. Bounded: once full, the extractor
 * replaces it at the start of the next paper, and features that refer to the old one are derived
 * again.
 */
final class Lexicon {
  private static final int MAX_ENTRIES = 1 << 18;

  private final Map<String, Integer> stemNumbers = new HashMap<>();
  private final Map<String, Integer> spellingNumbers = new HashMap<>();
  private final Map<String, Integer> compoundNumbers = new HashMap<>();
  private String[] stems = new String[1024];
  private double[] defaultIdfs = new double[1024];
  private double[] stemPriors = new double[1024];
  private String[] spellings = new String[1024];

  /** Features of the compounds, by compound number. */
  final FeatureColumns compounds = new FeatureColumns();

  boolean full() {
    return stemNumbers.size() >= MAX_ENTRIES
        || spellingNumbers.size() >= MAX_ENTRIES
        || compoundNumbers.size() >= MAX_ENTRIES;
  }

  /** Number of stems; stem numbers are {@code 0 <= n < stemCount()}. */
  int stemCount() {
    return stemNumbers.size();
  }

  /**
   * The number of {@code stem}, whose IDF in the extractor's default table is {@code defaultIdf}
   * and whose {@link KeyphrasePriors#stemPrior} is {@code prior}.
   */
  int stem(String stem, double defaultIdf, double prior) {
    Integer known = stemNumbers.get(stem);
    if (known != null) {
      return known;
    }
    int number = stemNumbers.size();
    if (number == stems.length) {
      stems = Arrays.copyOf(stems, number * 2);
      defaultIdfs = Arrays.copyOf(defaultIdfs, number * 2);
      stemPriors = Arrays.copyOf(stemPriors, number * 2);
    }
    stems[number] = stem;
    defaultIdfs[number] = defaultIdf;
    stemPriors[number] = prior;
    stemNumbers.put(stem, number);
    return number;
  }

  String stemOf(int number) {
    return stems[number];
  }

  double defaultIdf(int stem) {
    return defaultIdfs[stem];
  }

  double stemPrior(int stem) {
    return stemPriors[stem];
  }

  /** The number of a lower-case spelling. */
  int spelling(String spelling) {
    Integer known = spellingNumbers.get(spelling);
    if (known != null) {
      return known;
    }
    int number = spellingNumbers.size();
    if (number == spellings.length) {
      spellings = Arrays.copyOf(spellings, number * 2);
    }
    spellings[number] = spelling;
    spellingNumbers.put(spelling, number);
    return number;
  }

  String spellingOf(int number) {
    return spellings[number];
  }

  /**
   * The number of the compound spelled {@code lower} in {@link #compounds}; new ones are not known
   * there yet.
   */
  int compound(String lower) {
    Integer known = compoundNumbers.get(lower);
    if (known != null) {
      return known;
    }
    int number = compoundNumbers.size();
    compoundNumbers.put(lower, number);
    compounds.cover(number + 1);
    return number;
  }
}
