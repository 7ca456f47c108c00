package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Sends each tag count to every ranking that depends on it: its own bucket's and those of the
 * next {@code lookback} buckets, whose baselines include it. Each ranking task then holds
 * locally all the counts its scores need, so rankings scale out by bucket without remote reads.
 */
public final class TrendingFanout {

  private final int lookback;

  public TrendingFanout(int lookback) {
    this.lookback = lookback;
  }

  public List<KeyValue<TrendingKey, TagCount>> targets(TagCountKey key, TagCount count) {
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    List<KeyValue<TrendingKey, TagCount>> targets = new ArrayList<>(lookback + 1);
    LocalDate target = key.getBucketStart();
    for (int i = 0; i <= lookback; i++) {
      targets.add(KeyValue.pair(new TrendingKey(granularity.label(), target), count));
      target = granularity.next(target);
    }
    return targets;
  }
}
