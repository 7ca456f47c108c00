package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.partofspeech.WordReading;
import java.util.Set;

/**
 * Turns a word's reading in the part-of-speech lexicon into the {@link FeatureColumns} flags that
 * {@link NounPhrases} works with. The thresholds compare SemCor weights (1 + the number of tagged
 * occurrences of the word's senses of each part of speech).
 */
final class PartOfSpeechFlags {
  /**
   * An -s form counted this many times more often as a verb than as a noun is a verb unless a
   * content word follows; an -ing form this much more often a verb does not open a keyphrase.
   */
  private static final int STRONG_VERB_RATIO = 6;

  /**
   * Pronouns, relative ones too, and modal verbs: what comes right after them and can be a verb is
   * one.
   */
  private static final Set<String> SUBJECTS_AND_MODALS =
      Set.of(
          "we", "they", "i", "you", "can", "could", "will", "would", "may", "might", "must",
          "should", "cannot", "shall", "which", "who", "that");

  /**
   * Adverbs that stand before a verb rather than a noun ("machines only exchange gradients", "we
   * also train"), like the -ly adverbs.
   */
  private static final Set<String> VERB_ADVERBS =
      Set.of("also", "only", "then", "often", "thus", "hence", "still", "always", "never");

  /** SemCor weight from which a verb counts as common. */
  private static final int COMMON_VERB_WEIGHT = 10;

  /**
   * An -s form counted this many times more often as a plural noun than as a verb is a noun even
   * before another content word ("networks" 29 to 1, "models" 46 to 3).
   */
  private static final int PLURAL_DOMINANCE = 4;

  private PartOfSpeechFlags() {}

  /**
   * Flags of a stop word that tell what may follow it: "to", a pronoun or a modal before a verb.
   */
  static int ofStopWord(String lower) {
    if (lower.equals("to")) {
      return FeatureColumns.TO_CUE;
    }
    return SUBJECTS_AND_MODALS.contains(lower) || VERB_ADVERBS.contains(lower)
        ? FeatureColumns.SUBJECT_CUE
        : 0;
  }

  /**
   * The flags of the content word spelled {@code lower} whose lexicon reading is {@code reading}.
   */
  static int of(WordReading reading, String lower) {
    int flags = 0;
    if (reading.canBeNoun()) {
      flags |= FeatureColumns.HEAD;
    }
    boolean verbOnly =
        reading.verbWeight() > 0 && !reading.canBeNoun() && reading.adjectiveWeight() == 0;
    if (reading.onlyFiniteVerb()
        || reading.onlyAdverb()
        || (verbOnly && lower.endsWith("ing") && reading.verbWeight() >= COMMON_VERB_WEIGHT)) {
      // An -ing form of a common verb that is neither noun nor adjective is the verb
      // ("connecting"); rare verbs' -ing forms are mostly technical nouns ("offloading").
      flags |= FeatureColumns.FINITE_VERB;
    }
    boolean baseVerb = reading.verbWeight() > 0 && !reading.participle() && !reading.thirdPerson();
    if (baseVerb && reading.verbWeight() >= reading.nounWeight()) {
      flags |= FeatureColumns.VERB_AFTER_TO;
    }
    if (baseVerb && reading.verbWeight() * PLURAL_DOMINANCE >= reading.nounWeight()) {
      flags |= FeatureColumns.VERB_AFTER_SUBJECT;
    }
    if (reading.participle()
        && lower.endsWith("ing")
        && reading.verbWeight() >= STRONG_VERB_RATIO * reading.nounWeight()) {
      flags |= FeatureColumns.VERBAL_ING;
    }
    if (reading.adjectiveWeight() > reading.nounWeight()) {
      flags |= FeatureColumns.ADJECTIVE;
    }
    if (reading.participle() && lower.endsWith("ing") && reading.verbWeight() > 0) {
      flags |= FeatureColumns.ING_FORM;
    }
    if (verbOnly && reading.participle() && !lower.endsWith("ing")) {
      flags |= FeatureColumns.BARE_PARTICIPLE;
    }
    if (reading.thirdPerson() && reading.verbWeight() * PLURAL_DOMINANCE >= reading.nounWeight()) {
      flags |= FeatureColumns.S_FORM;
    }
    if (reading.thirdPerson()
        && reading.canBeNoun()
        && reading.verbWeight() >= reading.nounWeight()) {
      flags |= FeatureColumns.VERB_S;
      if (reading.verbWeight() >= STRONG_VERB_RATIO * reading.nounWeight()) {
        flags |= FeatureColumns.VERB_S_STRONG;
      }
    }
    return flags;
  }
}
