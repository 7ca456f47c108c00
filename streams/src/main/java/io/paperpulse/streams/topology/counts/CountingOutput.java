package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingEntries;
import io.paperpulse.schema.TrendingKey;

/**
 * What the counting task writes once per emit interval: the counts that changed, and the
 * ranking entries those changes moved. Both come out of the same punctuation, so they commit
 * together: a crash cannot keep a count change and lose the ranking update it caused.
 */
public sealed interface CountingOutput {

  /** The latest value of a changed count; null once the bucket's last paper left. */
  record ChangedCount(TagCountKey key, TagCount count) implements CountingOutput {}

  /** New entries of one ranking, for the task that ranks that (granularity, bucket). */
  record RankingEntries(TrendingKey key, TrendingEntries entries) implements CountingOutput {}
}
