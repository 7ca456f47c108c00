package io.paperpulse.tagging.keyphrase;

/**
 * Scoring constants of the keyphrase extractor.
 *
 * @param maxWords longest candidate kept whole; longer stop-word-free runs yield their windows of
 *     this length
 * @param titleBoost extra weight of a word occurrence in the title
 * @param positionDecay weight of the first occurrence position: a candidate whose first mention
 *     is at relative position p in the text gets factor (1 + positionDecay * (1 - p))
 * @param singleWordFactor score factor of one-word candidates: below 1 ranks them after the
 *     multi-word phrases of similar weight
 * @param modifierEndFactor score factor of candidates whose last word has an adjective or
 *     participle ending ("-ous", "-ive", "-able", "-ed", ...)
 */
public record KeyphraseSettings(
    int maxWords, double titleBoost, double positionDecay, double singleWordFactor, double modifierEndFactor) {
  public static final KeyphraseSettings DEFAULT = new KeyphraseSettings(5, 2.0, 1.5, 0.15, 0.2);
}
