package io.paperpulse.tagging.keyphrase;

/**
 * Recognizes words whose ending marks an adjective or a participle ("continuous", "adaptive",
 * "scalable", "useful", "proposed"): without a part-of-speech tagger this is the cheapest sign that
 * a candidate stops before its noun, as in "fully continuous". Endings that are as often nouns
 * ("-al": signal, "-ic": logic, "-ing": learning) are left out.
 */
final class ModifierEndings {
  private static final String[] ENDINGS = {"ous", "ive", "able", "ible", "ful", "less", "ed"};

  /**
   * A stem of at least this many letters must precede the ending ("red", "bed" are not
   * participles).
   */
  private static final int MIN_STEM = 3;

  private ModifierEndings() {}

  /** True for a lower-case word (the last part of a hyphenated compound) with a modifier ending. */
  static boolean matches(String lower) {
    int from = lower.lastIndexOf('-') + 1;
    int length = lower.length() - from;
    for (String ending : ENDINGS) {
      if (length >= ending.length() + MIN_STEM && lower.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
