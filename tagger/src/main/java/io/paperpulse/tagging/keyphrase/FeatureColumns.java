package io.paperpulse.tagging.keyphrase;

import java.util.Arrays;

/**
 * What the extractor derives from words (single tokens, or hyphenated compounds), in primitive
 * columns indexed by the word's number: flags, the number of its Porter stem and of its lower-case
 * and singular spellings in the thread's {@link Lexicon}. Columns rather than one object per word:
 * extraction reads them for every token, and a few arrays of a few kilobytes stay in the core's
 * cache where objects spread over the heap do not.
 */
final class FeatureColumns {
  /** Set once the word's features are derived; a word with flags 0 is not known yet. */
  static final int KNOWN = 1;

  /** The word cannot be part of a candidate. */
  static final int STOP = 2;

  /** The word is on the generic-word list. */
  static final int GENERIC = 4;

  /** The word's ending marks an adjective or participle. */
  static final int MODIFIER = 8;

  /** The word can be a noun, so it can end a keyphrase. */
  static final int HEAD = 16;

  /** The word is a finite verb and nothing else: it never sits inside a keyphrase. */
  static final int FINITE_VERB = 32;

  /** An -s form that reads as a verb at least as often as a plural noun ("rises", "uses"). */
  static final int VERB_S = 64;

  /** An -s form that reads as a verb far more often than as a plural noun. */
  static final int VERB_S_STRONG = 128;

  /**
   * An -s form with a verb reading ("treats", "supports", "models"). Inside a noun phrase a plural
   * rarely stands before another noun ("feature map", not "features map"), so before a content word
   * such a form reads as the verb.
   */
  static final int S_FORM = 1024;

  /**
   * A past participle that is neither noun nor adjective ("named", "monitored"): it can stand
   * inside a noun phrase but does not open a keyphrase.
   */
  static final int BARE_PARTICIPLE = 2048;

  /**
   * A base-form verb at least as common as the noun of the same spelling: after "to" it is the verb
   * ("to call").
   */
  static final int VERB_AFTER_TO = 4096;

  /**
   * A base-form verb not much rarer than the noun: after a pronoun or modal it is the verb ("we
   * exchange").
   */
  static final int VERB_AFTER_SUBJECT = 8192;

  /** The stop word "to", after which a common verb reads as a verb. */
  static final int TO_CUE = 16384;

  /**
   * A pronoun, a modal verb or an adverb ("we", "can", "only", "jointly"), after which a base-form
   * verb reads as a verb.
   */
  static final int SUBJECT_CUE = 32768;

  /** An -ing form far more often a verb than a noun ("serving", "motivating"). */
  static final int VERBAL_ING = 65536;

  /**
   * Written like an acronym: two or more capitals and no lower-case letter but a plural s ("KV",
   * "TFTs").
   */
  static final int ACRONYM = 131072;

  /**
   * A plural form ("nodes"): a base-form verb right after it is the verb ("nodes exchange
   * gradients").
   */
  static final int PLURAL = 262144;

  /**
   * An -ing form with a verb reading ("training", "scaling"): before an adjective ("training large
   * models") it is the verb of a gerund with its object, not a noun modifier.
   */
  static final int ING_FORM = 524288;

  /** Counted more often as an adjective than as a noun ("large", "deep", "neural"). */
  static final int ADJECTIVE = 1048576;

  /**
   * A weak modifier ("high", "robust"): an adjective that may open a keyphrase ("high voltage") but
   * mostly only qualifies it ("robust method"), so a phrase it opens is also a candidate without
   * it.
   */
  static final int WEAK = 2097152;

  /** The word "of", which joins two noun phrases into one keyphrase. */
  static final int OF = 256;

  /**
   * A function word that follows verbs and not nouns (a determiner, a pronoun, an adverb), so that
   * an ambiguous -s form before it reads as a verb: "the debate centers the".
   */
  static final int VERB_CUE = 512;

  private int[] flags = new int[0];
  private int[] stems = new int[0];
  private int[] lowers = new int[0];
  private int[] singulars = new int[0];
  private double[] everydayFactors = new double[0];

  /** Makes room for word numbers below {@code size}. */
  void cover(int size) {
    if (size > flags.length) {
      int capacity = Math.max(size, flags.length * 2);
      flags = Arrays.copyOf(flags, capacity);
      stems = Arrays.copyOf(stems, capacity);
      lowers = Arrays.copyOf(lowers, capacity);
      singulars = Arrays.copyOf(singulars, capacity);
      everydayFactors = Arrays.copyOf(everydayFactors, capacity);
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
  void set(int word, int flags, int stem, int lower, int singular) {
    this.flags[word] = flags;
    stems[word] = stem;
    lowers[word] = lower;
    singulars[word] = singular;
  }

  /**
   * Sets the factor by which the word's score is scaled for its use in everyday English ({@link
   * KeyphraseSettings#everydayWordExponent()}).
   */
  void setEverydayFactor(int word, double factor) {
    everydayFactors[word] = factor;
  }

  double everydayFactor(int word) {
    return everydayFactors[word];
  }

  int flags(int word) {
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
