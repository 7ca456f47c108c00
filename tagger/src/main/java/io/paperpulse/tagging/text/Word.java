package io.paperpulse.tagging.text;

/**
 * One distinct spelling of a word, shared by all its occurrences: the tokenizer hands out the same
 * instance every time it meets the same characters, so the lower-case and singular forms are
 * computed once, and consumers (the topic matcher, the keyphrase extractor) can attach what they
 * derive from the word and find it again on the next occurrence instead of hashing strings.
 *
 * <p>Attachments are immutable values published through a single reference, so a word seen by
 * several threads at worst gets its attachment computed twice, never half-written.
 */
public final class Word {
  private static final int SLOTS = 2;

  private final String surface;
  private final String lower;
  private final String singular;
  private final Attachment[] attachments = new Attachment[SLOTS];

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

  /** What {@code owner} attached to this word, or null. */
  public Object attachment(Object owner) {
    for (Attachment a : attachments) {
      if (a != null && a.owner == owner) {
        return a.value;
      }
    }
    return null;
  }

  /**
   * Attaches {@code value} for {@code owner}. There is room for as many owners as one tagger has
   * consumers; a further owner takes over a slot (its previous holder recomputes on demand).
   */
  public void attach(Object owner, Object value) {
    int free = -1;
    for (int i = 0; i < SLOTS; i++) {
      Attachment a = attachments[i];
      if (a == null || a.owner == owner) {
        free = i;
        break;
      }
    }
    attachments[free >= 0 ? free : Math.floorMod(System.identityHashCode(owner), SLOTS)] = new Attachment(owner, value);
  }

  @Override
  public String toString() {
    return surface;
  }

  private static final class Attachment {
    final Object owner;
    final Object value;

    Attachment(Object owner, Object value) {
      this.owner = owner;
      this.value = value;
    }
  }
}
