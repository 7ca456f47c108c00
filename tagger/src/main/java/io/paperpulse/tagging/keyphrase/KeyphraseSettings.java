package io.paperpulse.tagging.keyphrase;

/**
 * Scoring constants of the keyphrase extractor.
 *
 * @param maxWords longest candidate kept whole; longer stop-word-free runs yield their windows of
 *     this length
 * @param titleBoost extra weight of a word occurrence in the title
 * @param positionDecay weight of the first occurrence position: a candidate whose first mention
 *     is at relative position p in the text gets factor (1 + positionDecay * (1 - p))
 */
public record KeyphraseSettings(int maxWords, double titleBoost, double positionDecay) {
  public static final KeyphraseSettings DEFAULT = new KeyphraseSettings(5, 2.0, 1.5);
}
