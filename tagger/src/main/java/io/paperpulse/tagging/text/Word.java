package io.paperpulse.tagging.text;

/**
 * One distinct spelling of a word, shared by all its occurrences: the tokenizer hands out the same
 * instance every time it meets the same characters, so the lower-case and singular forms are
 * computed once, and consumers (the topic matcher, the keyphrase extractor) can attach a note of what
 * they derive from the word and find it again on the next occurrence instead of hashing strings.
 *
 * <p>Notes are immutable values published through a single reference, so a word seen by several
 * threads at worst gets its note computed twice, never half-written.
 */
public final class Word {
  private final String surface;
  private final String lower;
  private final String singular;
  private Note first;
  private Note second;

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

  /** The note {@code owner} attached to this word, or null. */
  public Note note(Object owner) {
    Note n = first;
    if (n != null && n.owner == owner) {
      return n;
    }
    n = second;
    return n != null && n.owner == owner ? n : null;
  }

  /**
   * Attaches a note. There is room for as many owners as one tagger has consumers; a further
   * owner takes over the older slot (its previous holder recomputes on demand).
   */
  public void attach(Note note) {
    Note n = first;
    if (n == null || n.owner == note.owner) {
      first = note;
    } else {
      second = note;
    }
  }

  @Override
  public String toString() {
    return surface;
  }

  /**
   * What one consumer derived from a word. Subclasses keep their data in final fields, so a note
   * published through a plain field is seen whole by any thread.
   */
  public abstract static class Note {
    private final Object owner;

    protected Note(Object owner) {
      this.owner = owner;
    }
  }
}
