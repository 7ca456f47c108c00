package io.paperpulse.tagging.text;

/**
 * The word tokens of one text, as parallel arrays so that the matchers can walk them without
 * allocating per token.
 *
 * <p>Each token carries its {@link Word} (surface, lower-case and singular forms) and two flags about what separated it from the previous token: punctuation that ends
 * a phrase, or a hyphen that glues it to the previous word.
 */
public final class TokenizedText {
  private final Word[] words;
  private final boolean[] phraseBreakBefore;
  private final boolean[] hyphenBefore;
  private final int size;

  TokenizedText(Word[] words, boolean[] phraseBreakBefore, boolean[] hyphenBefore, int size) {
    this.words = words;
    this.phraseBreakBefore = phraseBreakBefore;
    this.hyphenBefore = hyphenBefore;
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** The token's word, shared with every other occurrence of the same spelling. */
  public Word word(int i) {
    return words[i];
  }

  /** The token as written (possessive suffix removed). */
  public String surface(int i) {
    return words[i].surface();
  }

  /** Lower case, singular: "Large-Language-Models" yields "large", "language", "model". */
  public String singular(int i) {
    return words[i].singular();
  }

  /** True when punctuation (or the start of a new text) separates this token from the previous one. */
  public boolean phraseBreakBefore(int i) {
    return phraseBreakBefore[i];
  }

  /** True when the token is joined to the previous one by a hyphen, as in "key-value". */
  public boolean hyphenBefore(int i) {
    return hyphenBefore[i];
  }
}
