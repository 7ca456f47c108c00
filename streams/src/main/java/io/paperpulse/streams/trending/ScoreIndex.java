package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;

/**
 * The scored entries of a counting task's tags, per bucket, each bucket's best in ranking order
 * ({@link ScoredTag#ORDER}): a bucket's top N is its first N entries ({@link RankedBucket}).
 *
 * <p>On the heap, not in a state store: the index is derived from the counts, which the task keeps
 * on the heap already, and is rebuilt from them when the task starts. It holds the best entries of
 * each bucket and the tags of the others, one per count with papers.
 */
final class ScoreIndex {

  /** The entries of a bucket's tags as the counts are now. */
  @FunctionalInterface
  interface Entries {
    RankedBucket.Entries of(Bytes bucket);
  }

  private final int ranked;
  private final Entries entries;

  /**
   * By bucket prefix ({@link TrendingStoreKeys#bucketPrefix}); a bucket without entries has none.
   */
  private final Map<Bytes, RankedBucket> buckets = new HashMap<>();

  /**
   * @param ranked the N of the rankings: how many entries {@link #top} returns
   * @param entries scores a bucket's tags whose entries are not kept, when the bucket's best are
   *     needed again
   */
  ScoreIndex(int ranked, Entries entries) {
    this.ranked = ranked;
    this.entries = entries;
  }

  /** Adds the entry of a tag the bucket has no entry of. */
  void put(Bytes bucket, ScoredTag entry) {
    buckets.computeIfAbsent(bucket, empty -> new RankedBucket(2 * ranked)).add(entry);
  }

  /** Removes the entry that ranks as {@code entry} does. */
  void remove(Bytes bucket, ScoredTag entry) {
    RankedBucket entries = buckets.get(bucket);
    if (entries != null) {
      entries.remove(entry);
      if (entries.isEmpty()) {
        buckets.remove(bucket);
      }
    }
  }

  /**
   * Replaces a tag's entry in {@code bucket}: {@code was} (null: it had none) with {@code is}
   * (null: it has none now).
   */
  void move(Bytes bucket, ScoredTag was, ScoredTag is) {
    if (was == null) {
      put(bucket, is);
    } else if (is == null) {
      remove(bucket, was);
    } else {
      buckets.get(bucket).move(was, is);
    }
  }

  /**
   * The first N entries of {@code bucket}, rank 0. Call it only once every change of the counts has
   * moved its entries.
   */
  List<TrendingTag> top(Bytes bucket) {
    RankedBucket bucketEntries = buckets.get(bucket);
    if (bucketEntries == null) {
      return List.of();
    }
    List<TrendingTag> top = new ArrayList<>(ranked);
    bucketEntries.top(ranked, entries.of(bucket)).forEach(entry -> top.add(entry.toAvro()));
    return top;
  }

  void clear() {
    buckets.clear();
  }

  /** Entries in all buckets: it counts them. */
  int size() {
    return buckets.values().stream().mapToInt(RankedBucket::size).sum();
  }
}
