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
  static final short KNOWN = 1;
  /** The word cannot be part of a candidate. */
  static final short STOP = 2;
  /** The word is on the generic-word list. */
  static final short GENERIC = 4;
  /** The word's ending marks an adjective or participle. */
  static final short MODIFIER = 8;
  /** The word can be a noun, so it can end a keyphrase. */
  static final short HEAD = 16;
  /** The word is a finite verb and nothing else: it never sits inside a keyphrase. */
  static final short FINITE_VERB = 32;
  /** An -s form that reads as a verb at least as often as a plural noun ("rises", "uses"). */
  static final short VERB_S = 64;
  /** An -s form that reads as a verb far more often than as a plural noun. */
  static final short VERB_S_STRONG = 128;
  /**
   * An -s form with a verb reading ("treats", "supports", "models"). Inside a noun phrase a plural
   * rarely stands before another noun ("feature map", not "features map"), so before a content
   * word such a form reads as the verb.
   */
  static final short S_FORM = 1024;
  /**
   * A past participle that is neither noun nor adjective ("named", "monitored"): it can stand
   * inside a noun phrase but does not open a keyphrase.
   */
  static final short BARE_PARTICIPLE = 2048;
  /** The word "of", which joins two noun phrases into one keyphrase. */
  static final short OF = 256;
  /**
   * A function word that follows verbs and not nouns (a determiner, a pronoun, an adverb), so
   * that an ambiguous -s form before it reads as a verb: "the debate centers the".
   */
  static final short VERB_CUE = 512;

  private short[] flags = new short[0];
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
   * @param flags {@link #KNOWN} plus any of the other flags
   * @param stem lexicon number of the Porter stem (-1 for a stop word)
   * @param lower lexicon number of the lower-case spelling, as in a candidate's non-final positions
   * @param singular lexicon number of the singular spelling, as in a candidate's final position
   */
  void set(int word, short flags, int stem, int lower, int singular) {
    this.flags[word] = flags;
    stems[word] = stem;
    lowers[word] = lower;
    singulars[word] = singular;
  }

  short flags(int word) {
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
