package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.CountStoreKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-scores a tag wherever a change of its count moves its trend score.
 *
 * <p>Used in the task that counts the tag (counts are partitioned by tag), so every count a score
 * needs is local. A change in bucket B moves the tag's score in B and, through the baseline, in
 * the next {@code lookback} buckets; only the buckets where the tag has a live paper are ranked,
 * so only those get an entry. All counts involved, B - lookback to B + lookback, are read with one
 * range scan (the store keeps a tag's buckets adjacent). An entry with paper count 0 removes the
 * tag from B's ranking.
 */
public final class TrendScorer {

  private final KeyValueStore<Bytes, TagCount> counts;
  private final int lookback;

  public TrendScorer(KeyValueStore<Bytes, TagCount> counts, int lookback) {
    this.counts = counts;
    this.lookback = lookback;
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
    Map<LocalDate, TagCount> present = read(granularity, tag, window);

    if (present.get(window[lookback]) == null) {
      updates.put(rankingOf(granularity, window[lookback]), removal(tag), timestamp);
    }
    for (int i = lookback; i < window.length; i++) {
      TagCount count = present.get(window[i]);
      if (count != null) {
        updates.put(rankingOf(granularity, window[i]), entry(count, history(present, window, i)), timestamp);
      }
    }
  }

  private Map<LocalDate, TagCount> read(Granularity granularity, String tag, LocalDate[] window) {
    Map<LocalDate, TagCount> present = new HashMap<>();
    try (KeyValueIterator<Bytes, TagCount> it = counts.range(
        CountStoreKeys.of(granularity, tag, window[0]), CountStoreKeys.of(granularity, tag, window[window.length - 1]))) {
      while (it.hasNext()) {
        var next = it.next();
        present.put(CountStoreKeys.bucketOf(next.key), next.value);
      }
    }
    return present;
  }

  /** Paper counts of the {@code lookback} buckets before {@code window[at]}, nearest first. */
  private long[] history(Map<LocalDate, TagCount> present, LocalDate[] window, int at) {
    long[] history = new long[lookback];
    for (int i = 0; i < lookback; i++) {
      TagCount past = present.get(window[at - 1 - i]);
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
