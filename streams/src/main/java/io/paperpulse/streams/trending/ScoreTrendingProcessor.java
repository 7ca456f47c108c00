package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-scores a tag wherever a change of its count moves its trend score, and sends the new
 * entries to the rankings.
 *
 * <p>Runs in the task that counts the tag (counts are partitioned by tag), so every count a score
 * needs is a local read. A change in bucket B moves the tag's score in B and, through the
 * baseline, in the next {@code lookback} buckets; only the buckets where the tag has a live paper
 * are ranked, so only those get an entry. An entry with paper count 0 removes the tag from B's
 * ranking.
 */
public final class ScoreTrendingProcessor implements Processor<TagCountKey, TagCount, TrendingKey, TrendingTag> {

  private final String countsStore;
  private final int lookback;
  private ProcessorContext<TrendingKey, TrendingTag> context;
  private KeyValueStore<TagCountKey, TagCount> counts;

  public ScoreTrendingProcessor(String countsStore, int lookback) {
    this.countsStore = countsStore;
    this.lookback = lookback;
  }

  @Override
  public void init(ProcessorContext<TrendingKey, TrendingTag> context) {
    this.context = context;
    this.counts = context.getStateStore(countsStore);
  }

  @Override
  public void process(Record<TagCountKey, TagCount> record) {
    TagCountKey key = record.key();
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    String tag = key.getTag();
    LocalDate bucket = key.getBucketStart();
    TagCount count = record.value();
    if (count == null) {
      forward(record, granularity, bucket, removal(tag));
    } else {
      forward(record, granularity, bucket, entry(granularity, bucket, count));
    }
    for (int i = 0; i < lookback; i++) {
      bucket = granularity.next(bucket);
      TagCount later = counts.get(new TagCountKey(tag, granularity.label(), bucket));
      if (later != null) {
        forward(record, granularity, bucket, entry(granularity, bucket, later));
      }
    }
  }

  private TrendingTag entry(Granularity granularity, LocalDate bucket, TagCount count) {
    long[] history = new long[lookback];
    LocalDate earlier = bucket;
    for (int i = 0; i < lookback; i++) {
      earlier = granularity.previous(earlier);
      TagCount past = counts.get(new TagCountKey(count.getTag(), granularity.label(), earlier));
      history[i] = past == null ? 0 : past.getPaperCount();
    }
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

  private void forward(Record<TagCountKey, TagCount> cause, Granularity granularity, LocalDate bucket, TrendingTag entry) {
    context.forward(new Record<>(new TrendingKey(granularity.label(), bucket), entry, cause.timestamp()));
  }
}
