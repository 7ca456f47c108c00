package io.paperpulse.tagging.partofspeech;

/**
 * What the lexicon says a word form can be, out of context.
 *
 * @param nounWeight 0 when the form is no noun (singular or plural) of WordNet, else 1 + the SemCor
 *     count of its noun senses; forms WordNet does not know at all count as nouns of weight 1
 *     (technical terms, names, acronyms)
 * @param verbWeight the same for verb readings (any inflection)
 * @param adjectiveWeight the same for adjective readings (comparatives included)
 * @param adverbWeight the same for adverb readings
 * @param participle the verb reading is an -ed, -ing or irregular past form
 * @param thirdPerson the verb reading is an -s form ("lowers", "rises")
 * @param known WordNet knows the form under some part of speech
 */
public record WordReading(
    int nounWeight,
    int verbWeight,
    int adjectiveWeight,
    int adverbWeight,
    boolean participle,
    boolean thirdPerson,
    boolean known) {

  /** The form can be the head noun that ends a keyphrase. */
  public boolean canBeNoun() {
    return nounWeight > 0;
  }

  /**
   * A finite verb, with no participle reading and its noun or adjective readings, if any, far rarer
   * than the verb. Such a word never sits inside a noun phrase ("lowers", "outperforms").
   */
  public boolean onlyFiniteVerb() {
    return !participle
        && verbWeight > 0
        && nounWeight * VERB_DOMINANCE <= verbWeight
        && adjectiveWeight * VERB_DOMINANCE <= verbWeight;
  }

  /**
   * How many times more often a finite form must be counted as a verb than as a noun or adjective
   * to read as a verb everywhere: "collect" and "treats" have noun senses that are never used
   * (weight 1 against 30 and 84), while "walk" (16 against 193) and "rise" (16 against 115) are
   * common nouns too.
   */
  static final int VERB_DOMINANCE = 15;

  /** An adverb and nothing else ("very", "often"). */
  public boolean onlyAdverb() {
    return adverbWeight > 0 && nounWeight == 0 && adjectiveWeight == 0 && verbWeight == 0;
  }
}
