package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.RankingPart;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingKey;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * What the counting task forwards: the counts that changed (once per key per commit), the parts of
 * rankings those changes moved, and the alerts they raised.
 */
public sealed interface CountingOutput {

  /** This output as a tag-counts record, or none. */
  default List<KeyValue<TagCountKey, TagCount>> asChangedCount() {
    return List.of();
  }

  /** This output as a ranking part, or none. */
  default List<KeyValue<TrendingKey, RankingPart>> asRankingPart() {
    return List.of();
  }

  /** This output as a trend-alerts record, or none. */
  default List<KeyValue<TagCountKey, TrendAlert>> asAlert() {
    return List.of();
  }

  /** The latest value of a changed count; null once the bucket's last paper left. */
  record ChangedCount(TagCountKey key, TagCount count) implements CountingOutput {
    @Override
    public List<KeyValue<TagCountKey, TagCount>> asChangedCount() {
      return List.of(KeyValue.pair(key, count));
    }
  }

  /** A tag that just took off in the current bucket of a granularity. */
  record RaisedAlert(TagCountKey key, TrendAlert alert) implements CountingOutput {
    @Override
    public List<KeyValue<TagCountKey, TrendAlert>> asAlert() {
      return List.of(KeyValue.pair(key, alert));
    }
  }

  /**
   * The counting task's new part of one ranking, for the task that merges that (granularity,
   * bucket).
   */
  record ChangedRankingPart(TrendingKey key, RankingPart part) implements CountingOutput {
    @Override
    public List<KeyValue<TrendingKey, RankingPart>> asRankingPart() {
      return List.of(KeyValue.pair(key, part));
    }
  }
}
