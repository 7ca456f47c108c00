package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * What the extractor derives from words (single tokens, or hyphenated compounds), in primitive
 * columns indexed by the word's number: flags, the number of its Porter stem and of its
 * lower-case and singular spellings in the thread's {@link Lexicon}. Columns rather than one
 * object per word: extraction reads them for every token, and a few arrays of a few kilobytes
 * stay in the core's cache where objects spread over the heap do not.
 */
final class FeatureColumns {
  /** Set once the word's features are derived; a word with flags 0 is not known yet. */
  static final byte KNOWN = 1;
  /** The word cannot be part of a candidate. */
  static final byte STOP = 2;
  /** The word is on the generic-word list. */
  static final byte GENERIC = 4;
  /** The word's ending marks an adjective or participle. */
  static final byte MODIFIER = 8;

  private byte[] flags = new byte[0];
  private int[] stems = new int[0];
  private int[] lowers = new int[0];
  private int[] singulars = new int[0];

  /** Makes room for word numbers below {@code size}. */
  void cover(int size) {
    if (size > flags.length) {
      int capacity = Math.max(size, flags.length * 2);
      flags = Arrays.copyOf(flags, capacity);
      stems = Arrays.copyOf(stems, capacity);
      lowers = Arrays.copyOf(lowers, capacity);
      singulars = Arrays.copyOf(singulars, capacity);
    }
  }

  boolean known(int word) {
    return flags[word] != 0;
  }

  /**
   * @param flags {@link #KNOWN} plus any of {@link #STOP}, {@link #GENERIC}, {@link #MODIFIER}
   * @param stem lexicon number of the Porter stem (-1 for a stop word)
   * @param lower lexicon number of the lower-case spelling, as in a candidate's non-final positions
   * @param singular lexicon number of the singular spelling, as in a candidate's final position
   */
  void set(int word, byte flags, int stem, int lower, int singular) {
    this.flags[word] = flags;
    stems[word] = stem;
    lowers[word] = lower;
    singulars[word] = singular;
  }

  byte flags(int word) {
    return flags[word];
  }

  int stem(int word) {
    return stems[word];
  }

  int lower(int word) {
    return lowers[word];
  }

  int singular(int word) {
    return singulars[word];
  }
}
