package io.paperpulse.tagging.text;

/**
 * The word tokens of one text, as parallel arrays so that the matchers can walk them without
 * allocating per token.
 *
 * <p>Each token is the number of its {@link Word} (surface, lower-case and singular forms) in the
 * text's {@link Vocabulary}, plus two flags about what separated it from the previous token:
 * punctuation that ends a phrase, or a hyphen that glues it to the previous word.
 */
public final class TokenizedText {
  private final Vocabulary vocabulary;
  private final int[] ids;
  private final boolean[] phraseBreakBefore;
  private final boolean[] hyphenBefore;
  private final int size;

  TokenizedText(
      Vocabulary vocabulary,
      int[] ids,
      boolean[] phraseBreakBefore,
      boolean[] hyphenBefore,
      int size) {
    this.vocabulary = vocabulary;
    this.ids = ids;
    this.phraseBreakBefore = phraseBreakBefore;
    this.hyphenBefore = hyphenBefore;
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** The vocabulary that numbers this text's words. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The number of the token's word in {@link #vocabulary()}. */
  public int id(int i) {
    return ids[i];
  }

  /** The token's word, shared with every other occurrence of the same spelling. */
  public Word word(int i) {
    return vocabulary.word(ids[i]);
  }

  /** The token as written (possessive suffix removed). */
  public String surface(int i) {
    return word(i).surface();
  }

  /** Lower case, singular: "Large-Language-Models" yields "large", "language", "model". */
  public String singular(int i) {
    return word(i).singular();
  }

  /**
   * True when punctuation (or the start of a new text) separates this token from the previous one.
   */
  public boolean phraseBreakBefore(int i) {
    return phraseBreakBefore[i];
  }

  /** True when the token is joined to the previous one by a hyphen, as in "key-value". */
  public boolean hyphenBefore(int i) {
    return hyphenBefore[i];
  }
}
