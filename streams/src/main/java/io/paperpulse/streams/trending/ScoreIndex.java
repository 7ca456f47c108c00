package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;

/**
 * The scored entries of a counting task's tags, per bucket in ranking order ({@link
 * ScoredTag#ORDER}): a bucket's top N is its first N entries.
 *
 * <p>On the heap, not in a state store: the index is derived from the counts, which the task keeps
 * on the heap already, and is rebuilt from them when the task starts. About 90 bytes an entry, one
 * entry a count with papers.
 */
final class ScoreIndex {

  /**
   * By bucket prefix ({@link TrendingStoreKeys#bucketPrefix}); a bucket without entries has none.
   */
  private final Map<Bytes, TreeSet<ScoredTag>> buckets = new HashMap<>();

  void put(Bytes bucket, ScoredTag entry) {
    buckets.computeIfAbsent(bucket, empty -> new TreeSet<>(ScoredTag.ORDER)).add(entry);
  }

  /** Removes the entry that ranks as {@code entry} does. */
  void remove(Bytes bucket, ScoredTag entry) {
    TreeSet<ScoredTag> entries = buckets.get(bucket);
    if (entries != null && entries.remove(entry) && entries.isEmpty()) {
      buckets.remove(bucket);
    }
  }

  /** The first {@code n} entries of {@code bucket}, rank 0. */
  List<TrendingTag> top(Bytes bucket, int n) {
    TreeSet<ScoredTag> entries = buckets.get(bucket);
    List<TrendingTag> top = new ArrayList<>(n);
    if (entries != null) {
      Iterator<ScoredTag> it = entries.iterator();
      while (top.size() < n && it.hasNext()) {
        top.add(it.next().toAvro());
      }
    }
    return top;
  }

  void clear() {
    buckets.clear();
  }

  /** Entries in all buckets: it counts them. */
  int size() {
    return buckets.values().stream().mapToInt(TreeSet::size).sum();
  }
}
