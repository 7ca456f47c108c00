package io.paperpulse.tagging.keyphrase;

/**
 * Scoring constants of the keyphrase extractor.
 *
 * @param maxWords longest candidate kept whole; longer noun phrases yield their windows of this
 *     length
 * @param titleBoost extra weight of a word occurrence in the title
 * @param positionDecay weight of the first occurrence position: a candidate whose first mention
 *     is at relative position p in the text gets factor (1 + positionDecay * (1 - p))
 * @param singleWordFactor score factor of one-word candidates: below 1 ranks them after the
 *     multi-word phrases of similar weight
 * @param acronymFactor score factor of a one-word candidate written like an acronym ("XAS",
 *     "TFTs") in place of {@code singleWordFactor}: an acronym names a thing as a phrase does
 * @param modifierEndFactor score factor of candidates whose last word has an adjective or
 *     participle ending ("-ous", "-ive", "-able", "-ed", ...)
 * @param ofPhrases also propose "noun phrase of noun phrase" ("direct probe of water")
 * @param lengthExponent a candidate's summed word scores are divided by its number of content
 *     words raised to this power (0: plain sum, 1: mean)
 * @param graphWeight exponent of a word's co-occurrence rank (SingleRank: PageRank over the graph
 *     of words within a window of each other, ranks near 1 on average) in its
 *     score; 0 leaves the score to frequency and IDF
 * @param nesting what happens to a candidate whose words lie inside, or contain, a better
 *     ranked one of the same paper
 */
public record KeyphraseSettings(
    int maxWords, double titleBoost, double positionDecay, double singleWordFactor, double acronymFactor,
    double modifierEndFactor, boolean ofPhrases, double lengthExponent, Nesting nesting, double graphWeight) {
  public static final KeyphraseSettings DEFAULT =
      new KeyphraseSettings(5, 2.0, 3.0, 0.15, 1.0, 0.2, false, 0.3, Nesting.COLLAPSE_ALL, 0.0);

  /** Treatment of nested candidates ("quantum walk" inside "quantum walk search"). */
  public enum Nesting {
    /** Both stay. */
    KEEP,
    /** The lower ranked of two nested multi-word phrases is dropped; single words stay. */
    COLLAPSE_PHRASES,
    /** The lower ranked of any two nested candidates is dropped. */
    COLLAPSE_ALL
  }

  public KeyphraseSettings withOfPhrases(boolean on) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, on, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withLengthExponent(double exponent) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, exponent, nesting, graphWeight);
  }

  public KeyphraseSettings withNesting(Nesting treatment) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, treatment, graphWeight);
  }

  public KeyphraseSettings withGraphWeight(double weight) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, weight);
  }

  public KeyphraseSettings withMaxWords(int words) {
    return new KeyphraseSettings(words, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withTitleBoost(double boost) {
    return new KeyphraseSettings(maxWords, boost, positionDecay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withModifierEndFactor(double factor) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, acronymFactor,
        factor, ofPhrases, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withSingleWordFactor(double factor) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, factor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withAcronymFactor(double factor) {
    return new KeyphraseSettings(maxWords, titleBoost, positionDecay, singleWordFactor, factor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, graphWeight);
  }

  public KeyphraseSettings withPositionDecay(double decay) {
    return new KeyphraseSettings(maxWords, titleBoost, decay, singleWordFactor, acronymFactor,
        modifierEndFactor, ofPhrases, lengthExponent, nesting, graphWeight);
  }
}
