package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.AbsentCounts;
import io.paperpulse.streams.topology.counts.CountStoreKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-scores a tag wherever a change of its count moves its trend score.
 *
 * <p>Used in the task that counts the tag (counts are partitioned by tag), so every count a score
 * needs is local. A change in bucket B moves the tag's score in B and, through the baseline, in
 * the next {@code lookback} buckets; only the buckets where the tag has a live paper are ranked,
 * so only those get an entry. An entry with paper count 0 removes the tag from B's ranking.
 *
 * <p>One scorer serves one emission. The counts involved, B - lookback to B + lookback, are read
 * with point lookups remembered for the emission: neighbouring changed buckets of a tag share most
 * of their window, and a point lookup of an absent bucket is answered by the record cache or
 * RocksDB's bloom filter, where a range scan per changed count cost a RocksDB iterator and a seek.
 * Buckets known to be empty ({@link AbsentCounts}) are not read at all.
 */
public final class TrendScorer {

  /** Stands for an absent bucket in {@link #read}, so that one hash lookup answers both cases. */
  private static final TagCount ABSENT = new TagCount();

  private final KeyValueStore<Bytes, TagCount> counts;
  private final AbsentCounts absent;
  private final int lookback;
  /** Counts read in this emission, {@link #ABSENT} for an absent bucket. */
  private final Map<Bytes, TagCount> read;

  /**
   * @param absent count keys known to be empty, kept by the counting task; the scorer adds those it finds empty
   * @param expectedChanges changed counts this emission will score, to size the memo once
   */
  public TrendScorer(KeyValueStore<Bytes, TagCount> counts, AbsentCounts absent, int lookback, int expectedChanges) {
    this.counts = counts;
    this.absent = absent;
    this.lookback = lookback;
    // each changed count reads a window of 2 * lookback + 1 buckets, mostly shared with its neighbours
    this.read = new HashMap<>(Math.max(16, expectedChanges * (lookback + 1) * 4 / 3));
  }

  /** Adds to {@code updates} the entries moved by the change of {@code key}'s count. */
  public void rescore(TagCountKey key, long timestamp, RankingUpdates updates) {
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    String tag = key.getTag();
    // window[lookback] is the changed bucket, lower indexes the buckets before it
    LocalDate[] window = new LocalDate[2 * lookback + 1];
    window[lookback] = key.getBucketStart();
    for (int i = 1; i <= lookback; i++) {
      window[lookback - i] = granularity.previous(window[lookback - i + 1]);
      window[lookback + i] = granularity.next(window[lookback + i - 1]);
    }
    TagCount[] present = new TagCount[window.length];
    for (int i = 0; i < window.length; i++) {
      present[i] = count(CountStoreKeys.of(granularity, tag, window[i]));
    }

    if (present[lookback] == null) {
      updates.put(rankingOf(granularity, window[lookback]), removal(tag), timestamp);
    }
    for (int i = lookback; i < window.length; i++) {
      if (present[i] != null) {
        updates.put(rankingOf(granularity, window[i]), entry(present[i], history(present, i)), timestamp);
      }
    }
  }

  /** The count under {@code key}, or null; read once per emission. */
  public TagCount count(Bytes key) {
    TagCount count = read.get(key);
    if (count == null) {
      count = absent.contains(key) ? null : counts.get(key);
      if (count == null) {
        absent.add(key);
      }
      read.put(key, count == null ? ABSENT : count);
    }
    return count == ABSENT ? null : count;
  }

  /** Paper counts of the {@code lookback} buckets before {@code present[at]}, nearest first. */
  private long[] history(TagCount[] present, int at) {
    long[] history = new long[lookback];
    for (int i = 0; i < lookback; i++) {
      TagCount past = present[at - 1 - i];
      history[i] = past == null ? 0 : past.getPaperCount();
    }
    return history;
  }

  private static TrendingKey rankingOf(Granularity granularity, LocalDate bucket) {
    return new TrendingKey(granularity.label(), bucket);
  }

  private static TrendingTag entry(TagCount count, long[] history) {
    return TrendingTag.newBuilder()
        .setTag(count.getTag())
        .setKind(count.getKind())
        .setPaperCount(count.getPaperCount())
        .setUpvoteSum(count.getUpvoteSum())
        .setScore(TrendScore.score(count.getPaperCount(), history))
        // rank is positional and assigned when the top N are read
        .setRank(0)
        .build();
  }

  /** An entry that takes the tag out of a ranking; only tag and paper count 0 are read. */
  private static TrendingTag removal(String tag) {
    return new TrendingTag(tag, TagKind.TOPIC, 0L, 0L, 0.0, 0);
  }
}
