package io.paperpulse.tagging.text;

/**
 * One distinct spelling of a word: the tokenizer creates it the first time it meets the characters
 * and numbers it in its thread's {@link Vocabulary}, so the lower-case and singular forms are
 * computed once per spelling. Consumers work with the word's number in hot loops and read these
 * strings only when they derive something new about the word or build a name.
 */
public final class Word {
  private final String surface;
  private final String lower;
  private final String singular;

  Word(String surface, String lower, String singular) {
    this.surface = surface;
    this.lower = lower;
    this.singular = singular;
  }

  /** As written in the text (possessive suffix removed). */
  public String surface() {
    return surface;
  }

  /** Lower case. */
  public String lower() {
    return lower;
  }

  /** Lower case, singular ("models" to "model"). */
  public String singular() {
    return singular;
  }

  @Override
  public String toString() {
    return surface;
  }
}
