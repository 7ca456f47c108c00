package io.paperpulse.tagging.text;

import java.util.Arrays;

/**
 * The words one thread's tokenizer has met, numbered densely from 0 in order of first appearance,
 * with room for what consumers derive from them.
 *
 * <p>Numbers are what make a token cheap downstream: a consumer (the topic matcher, the keyphrase
 * extractor) keeps its per-word data in primitive arrays indexed by word number, its <em>annex</em>
 * of this vocabulary, so a token costs array reads in a few kilobytes instead of loads through word
 * objects scattered over the heap. A vocabulary belongs to the thread that created it: only that
 * thread sees and attaches annexes, so they need no synchronization, and any other thread reading a
 * text of this vocabulary gets no annex and works from the words. When the tokenizer's cache is
 * full it starts a new vocabulary; texts tokenized before keep theirs, with its words and annexes,
 * so numbers never change meaning under a text.
 */
public final class Vocabulary {
  /**
   * As many owners as one thread commonly has consumers; a further owner takes over the oldest
   * slot.
   */
  private static final int ANNEX_SLOTS = 4;

  private final Thread thread = Thread.currentThread();
  private final Object[] owners = new Object[ANNEX_SLOTS];
  private final Object[] annexes = new Object[ANNEX_SLOTS];
  private int nextSlot;
  private Word[] words = new Word[1024];
  private int size;

  Vocabulary() {}

  /** Number of words; word numbers are {@code 0 <= id < size()}. */
  public int size() {
    return size;
  }

  public Word word(int id) {
    return words[id];
  }

  int add(Word word) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
    }
    words[size] = word;
    return size++;
  }

  /**
   * What {@code owner} attached to this vocabulary, or null: also null on any thread but the one
   * that tokenizes into this vocabulary.
   */
  public Object annex(Object owner) {
    if (Thread.currentThread() != thread) {
      return null;
    }
    for (int k = 0; k < ANNEX_SLOTS; k++) {
      if (owners[k] == owner) {
        return annexes[k];
      }
    }
    return null;
  }

  /** Attaches {@code owner}'s annex, replacing its previous one; ignored on another thread. */
  public void attach(Object owner, Object annex) {
    if (Thread.currentThread() != thread) {
      return;
    }
    for (int k = 0; k < ANNEX_SLOTS; k++) {
      if (owners[k] == owner) {
        annexes[k] = annex;
        return;
      }
    }
    owners[nextSlot] = owner;
    annexes[nextSlot] = annex;
    nextSlot = (nextSlot + 1) % ANNEX_SLOTS;
  }
}
