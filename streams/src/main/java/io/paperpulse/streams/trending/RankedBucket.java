package io.paperpulse.streams.trending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of one bucket of the score index, of which only the best are kept, in ranking order:
 * the head holds the bucket's best entries sorted ({@link ScoredTag#ORDER}); of the others, the
 * tail, only the tags are kept. Every tail entry ranks after every head entry.
 *
 * <p>A ranking needs a bucket's first N entries, while most changed counts move entries far below
 * them: a move within the tail changes nothing here, and the tail changes only when a tag enters or
 * leaves it. The head holds up to twice N entries, so entries that leave it are usually replaced by
 * entries that enter it; only when it holds fewer than N is it refilled with the tail's best,
 * scored again from the counts ({@link Entries}).
 */
final class RankedBucket {

  /** The entry of a tag of this bucket as the counts are now. */
  @FunctionalInterface
  interface Entries {
    ScoredTag current(String tag);
  }

  private final int capacity;
  private final TreeSet<ScoredTag> head = new TreeSet<>(ScoredTag.ORDER);
  private final Set<String> tail = new HashSet<>();

  /**
   * @param capacity how many entries the head holds at most, at least the N of the rankings
   */
  RankedBucket(int capacity) {
    this.capacity = capacity;
  }

  /** Adds the entry of a tag the bucket has no entry of. */
  void add(ScoredTag entry) {
    if (!inTail(entry)) {
      head.add(entry);
      if (head.size() > capacity) {
        tail.add(head.pollLast().tag());
      }
    } else {
      tail.add(entry.tag());
    }
  }

  /** Removes the entry that ranks as {@code entry} does, the tag's entry. */
  void remove(ScoredTag entry) {
    if (inTail(entry)) {
      tail.remove(entry.tag());
    } else {
      head.remove(entry);
    }
  }

  /**
   * Replaces the tag's entry {@code was} with {@code is}: nothing to do when both rank in the tail,
   * where most entries move.
   */
  void move(ScoredTag was, ScoredTag is) {
    if (!inTail(was) || !inTail(is)) {
      remove(was);
      add(is);
    }
  }

  /** Whether an entry that ranks as {@code entry} does belongs in the tail. */
  private boolean inTail(ScoredTag entry) {
    return !tail.isEmpty() && (head.isEmpty() || ScoredTag.ORDER.compare(entry, head.last()) > 0);
  }

  boolean isEmpty() {
    return head.isEmpty() && tail.isEmpty();
  }

  int size() {
    return head.size() + tail.size();
  }

  /**
   * The first {@code n} entries, {@code n} at most the capacity. Call it only once every change of
   * the counts has moved its entries: a refill scores the tail's tags from the counts as they are.
   */
  List<ScoredTag> top(int n, Entries entries) {
    if (head.size() < n && !tail.isEmpty()) {
      refill(entries);
    }
    List<ScoredTag> top = new ArrayList<>(n);
    for (ScoredTag entry : head) {
      if (top.size() == n) {
        break;
      }
      top.add(entry);
    }
    return top;
  }

  /** Moves the tail's best entries to the head, up to its capacity. */
  private void refill(Entries entries) {
    int wanted = capacity - head.size();
    // the worst of the best so far first, so a better entry replaces it
    PriorityQueue<ScoredTag> best = new PriorityQueue<>(wanted + 1, ScoredTag.ORDER.reversed());
    for (String tag : tail) {
      ScoredTag entry = entries.current(tag);
      if (best.size() < wanted) {
        best.add(entry);
      } else if (ScoredTag.ORDER.compare(entry, best.peek()) < 0) {
        best.poll();
        best.add(entry);
      }
    }
    for (ScoredTag entry : best) {
      tail.remove(entry.tag());
      head.add(entry);
    }
  }
}
