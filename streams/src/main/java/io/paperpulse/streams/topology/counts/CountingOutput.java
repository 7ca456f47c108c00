package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingEntries;
import io.paperpulse.schema.TrendingKey;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * What the counting task writes once per emit interval: the counts that changed, and the
 * ranking entries those changes moved. Both come out of the same punctuation, so they commit
 * together: a crash cannot keep a count change and lose the ranking update it caused.
 */
public sealed interface CountingOutput {

  /** This output as a tag-counts record, or none. */
  default List<KeyValue<TagCountKey, TagCount>> asChangedCount() {
    return List.of();
  }

  /** This output as a batch of ranking entries, or none. */
  default List<KeyValue<TrendingKey, TrendingEntries>> asRankingEntries() {
    return List.of();
  }

  /** The latest value of a changed count; null once the bucket's last paper left. */
  record ChangedCount(TagCountKey key, TagCount count) implements CountingOutput {
    @Override
    public List<KeyValue<TagCountKey, TagCount>> asChangedCount() {
      return List.of(KeyValue.pair(key, count));
    }
  }

  /** New entries of one ranking, for the task that ranks that (granularity, bucket). */
  record RankingEntries(TrendingKey key, TrendingEntries entries) implements CountingOutput {
    @Override
    public List<KeyValue<TrendingKey, TrendingEntries>> asRankingEntries() {
      return List.of(KeyValue.pair(key, entries));
    }
  }
}
