package io.paperpulse.streams.trending;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The entries of one bucket of the score index, of which only the best are kept in ranking order:
 * the head holds the bucket's best entries sorted ({@link ScoredTag#ORDER}), the tail the others by
 * tag, unsorted. Every tail entry ranks after every head entry.
 *
 * <p>A ranking needs a bucket's first N entries, while most changed counts move entries far below
 * them: in the tail such a move is a hash update instead of two walks down a tree of the whole
 * bucket. The head holds up to twice N entries, so entries that leave it are usually replaced by
 * entries that enter it; only when it holds fewer than N is it refilled from the tail, by one pass
 * over the tail.
 */
final class RankedBucket {

  private final int capacity;
  private final TreeSet<ScoredTag> head = new TreeSet<>(ScoredTag.ORDER);
  private final Map<String, ScoredTag> tail = new HashMap<>();

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
        ScoredTag last = head.pollLast();
        tail.put(last.tag(), last);
      }
    } else {
      tail.put(entry.tag(), entry);
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
   * Replaces the tag's entry {@code was} with {@code is}: in the tail, where most entries move, by
   * one hash update when both rank there.
   */
  void move(ScoredTag was, ScoredTag is) {
    if (inTail(was) && inTail(is)) {
      tail.put(is.tag(), is);
    } else {
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

  /** The first {@code n} entries, {@code n} at most the capacity. */
  List<ScoredTag> top(int n) {
    if (head.size() < n && !tail.isEmpty()) {
      refill();
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
  private void refill() {
    int wanted = capacity - head.size();
    // the worst of the best so far first, so a better entry replaces it
    PriorityQueue<ScoredTag> best = new PriorityQueue<>(wanted + 1, ScoredTag.ORDER.reversed());
    for (ScoredTag entry : tail.values()) {
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
