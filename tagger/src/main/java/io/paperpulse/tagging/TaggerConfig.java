package io.paperpulse.tagging;

/**
 * Limits and weights of {@link PaperTagger}.
 *
 * @param maxTopics most TOPIC tags per paper
 * @param maxKeyphrases most KEYPHRASE tags per paper
 * @param titleWeight weight of a topic mention in the title; a mention in the abstract weighs 1
 * @param parentShare share of a topic's score passed to its parent topic (and on up, compounding)
 */
public record TaggerConfig(
    int maxTopics, int maxKeyphrases, double titleWeight, double parentShare) {
  public static final TaggerConfig DEFAULT = new TaggerConfig(5, 5, 3.0, 0.5);

  public TaggerConfig {
    if (maxTopics < 0 || maxKeyphrases < 0) {
      throw new IllegalArgumentException("tag limits must not be negative");
    }
    if (titleWeight < 0 || parentShare < 0 || parentShare > 1) {
      throw new IllegalArgumentException("titleWeight must be >= 0 and parentShare within [0, 1]");
    }
  }

  public TaggerConfig withLimits(int topics, int keyphrases) {
    return new TaggerConfig(topics, keyphrases, titleWeight, parentShare);
  }
}
