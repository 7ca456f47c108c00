package io.paperpulse.tagging.keyphrase;

/**
 * Scoring constants of the keyphrase extractor.
 *
 * @param maxWords longest candidate kept whole; longer noun phrases yield their windows of this
 *     length
 * @param titleBoost extra weight of a word occurrence in the title
 * @param positionDecay weight of the first occurrence position: a candidate whose first mention is
 *     at relative position p in the text gets factor (1 + positionDecay * (1 - p))
 * @param singleWordFactor score factor of one-word candidates: below 1 ranks them after the
 *     multi-word phrases of similar weight
 * @param acronymFactor score factor of a one-word candidate written like an acronym ("XAS", "TFTs")
 *     in place of {@code singleWordFactor}: an acronym names a thing as a phrase does
 * @param modifierEndFactor score factor of candidates whose last word has an adjective or
 *     participle ending ("-ous", "-ive", "-able", "-ed", ...)
 * @param ofPhrases also propose "noun phrase of noun phrase" ("direct probe of water")
 * @param lengthExponent a candidate's summed word scores are divided by its number of content words
 *     raised to this power (0: plain sum, 1: mean)
 * @param graphWeight exponent of a word's co-occurrence rank (SingleRank: PageRank over the graph
 *     of words within a window of each other, ranks near 1 on average) in its score; 0 leaves the
 *     score to frequency and IDF
 * @param everydayWordExponent a word's score is divided by (1 + ln w) raised to this power, where w
 *     is 1 plus its SemCor weights over all parts of speech (WordNet's counts of general English):
 *     a second corpus frequency beside the document frequencies, so that words of everyday English
 *     ("result", "condition", "simple") weigh less than terms WordNet rarely or never saw
 *     ("decoherence", "lyapunov"); 0 turns it off
 * @param termFrequencyExponent a word's weighted frequency in the paper is raised to this power
 *     before it is multiplied by its inverse document frequency: below 1, a word repeated many
 *     times does not drown the rarer words of the paper, and longer texts do not favour their few
 *     most repeated words
 * @param nearDuplicateShare unless nesting is {@link Nesting#KEEP}, a phrase that shares at least
 *     this share of the stems of the shorter of it and a better ranked phrase, in any order, gives
 *     way to that phrase: at 0.75, "attention kernel sparse" to "sparse attention kernel" and "fast
 *     graph neural network" to "graph neural network training" (3 of 4), while "quantum zeno
 *     effect" and "quantum zeno subspace" (2 of 3) both stay; above 1, only nesting counts
 * @param nesting what happens to a candidate whose words lie inside, or contain, a better ranked
 *     one of the same paper
 */
public record KeyphraseSettings(
    int maxWords,
    double titleBoost,
    double positionDecay,
    double singleWordFactor,
    double acronymFactor,
    double modifierEndFactor,
    boolean ofPhrases,
    double lengthExponent,
    Nesting nesting,
    double graphWeight,
    double everydayWordExponent,
    double termFrequencyExponent,
    double nearDuplicateShare) {
  public static final KeyphraseSettings DEFAULT =
      new KeyphraseSettings(
          5, 2.0, 3.0, 0.15, 1.0, 0.2, false, 0.3, Nesting.COLLAPSE_ALL, 0.0, 1.0, 0.6, 0.75);

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
    return edit(c -> c.ofPhrases = on);
  }

  public KeyphraseSettings withLengthExponent(double exponent) {
    return edit(c -> c.lengthExponent = exponent);
  }

  public KeyphraseSettings withNesting(Nesting treatment) {
    return edit(c -> c.nesting = treatment);
  }

  public KeyphraseSettings withGraphWeight(double weight) {
    return edit(c -> c.graphWeight = weight);
  }

  public KeyphraseSettings withEverydayWordExponent(double exponent) {
    return edit(c -> c.everydayWordExponent = exponent);
  }

  public KeyphraseSettings withTermFrequencyExponent(double exponent) {
    return edit(c -> c.termFrequencyExponent = exponent);
  }

  public KeyphraseSettings withNearDuplicateShare(double share) {
    return edit(c -> c.nearDuplicateShare = share);
  }

  public KeyphraseSettings withMaxWords(int words) {
    return edit(c -> c.maxWords = words);
  }

  public KeyphraseSettings withTitleBoost(double boost) {
    return edit(c -> c.titleBoost = boost);
  }

  public KeyphraseSettings withModifierEndFactor(double factor) {
    return edit(c -> c.modifierEndFactor = factor);
  }

  public KeyphraseSettings withSingleWordFactor(double factor) {
    return edit(c -> c.singleWordFactor = factor);
  }

  public KeyphraseSettings withAcronymFactor(double factor) {
    return edit(c -> c.acronymFactor = factor);
  }

  public KeyphraseSettings withPositionDecay(double decay) {
    return edit(c -> c.positionDecay = decay);
  }

  /**
   * A copy with the fields {@code change} sets, so that each {@code with} method names only its
   * own.
   */
  private KeyphraseSettings edit(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return new KeyphraseSettings(
        copy.maxWords,
        copy.titleBoost,
        copy.positionDecay,
        copy.singleWordFactor,
        copy.acronymFactor,
        copy.modifierEndFactor,
        copy.ofPhrases,
        copy.lengthExponent,
        copy.nesting,
        copy.graphWeight,
        copy.everydayWordExponent,
        copy.termFrequencyExponent,
        copy.nearDuplicateShare);
  }

  /** The fields of settings being changed. */
  private static final class Copy {
    private int maxWords;
    private double titleBoost;
    private double positionDecay;
    private double singleWordFactor;
    private double acronymFactor;
    private double modifierEndFactor;
    private boolean ofPhrases;
    private double lengthExponent;
    private Nesting nesting;
    private double graphWeight;
    private double everydayWordExponent;
    private double termFrequencyExponent;
    private double nearDuplicateShare;

    private Copy(KeyphraseSettings from) {
      maxWords = from.maxWords;
      titleBoost = from.titleBoost;
      positionDecay = from.positionDecay;
      singleWordFactor = from.singleWordFactor;
      acronymFactor = from.acronymFactor;
      modifierEndFactor = from.modifierEndFactor;
      ofPhrases = from.ofPhrases;
      lengthExponent = from.lengthExponent;
      nesting = from.nesting;
      graphWeight = from.graphWeight;
      everydayWordExponent = from.everydayWordExponent;
      termFrequencyExponent = from.termFrequencyExponent;
      nearDuplicateShare = from.nearDuplicateShare;
    }
  }
}
