package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Maintains the top-N ranking of one (granularity, bucket) as tag counts change.
 *
 * <p>Input: a tag count from bucket b, keyed by the ranking (bucket B, b <= B <= b + lookback)
 * it feeds. Work per record is independent of how many tags a bucket holds: the count is copied
 * into the local counts store, the one affected tag is re-scored in B (lookback point reads),
 * its entry in a score-ordered index is replaced, and the top N are read with a range scan
 * that stops after N entries. A new ranking is emitted only when it differs from the last one.
 */
public final class RankTrendingProcessor
    implements Processor<TrendingKey, TagCount, TrendingKey, TrendingTags> {

  /** Store names this processor uses, in the order counts, entries, index, rankings. */
  public record Stores(String counts, String entries, String index, String rankings) {}

  private final Stores storeNames;
  private final int lookback;
  private final int topN;
  private ProcessorContext<TrendingKey, TrendingTags> context;
  private KeyValueStore<Bytes, TagCount> counts;
  private KeyValueStore<Bytes, TrendingTag> entries;
  private KeyValueStore<Bytes, TrendingTag> index;
  private KeyValueStore<TrendingKey, TrendingTags> rankings;

  public RankTrendingProcessor(Stores storeNames, int lookback, int topN) {
    this.storeNames = storeNames;
    this.lookback = lookback;
    this.topN = topN;
  }

  @Override
  public void init(ProcessorContext<TrendingKey, TrendingTags> context) {
    this.context = context;
    this.counts = context.getStateStore(storeNames.counts());
    this.entries = context.getStateStore(storeNames.entries());
    this.index = context.getStateStore(storeNames.index());
    this.rankings = context.getStateStore(storeNames.rankings());
  }

  @Override
  public void process(Record<TrendingKey, TagCount> record) {
    TagCount count = record.value();
    if (count == null) {
      return;
    }
    Granularity granularity = Granularity.fromLabel(record.key().getGranularity());
    LocalDate ranked = record.key().getBucketStart();
    String tag = count.getTag();

    // Several rankings of this task may receive the same count; the copy is idempotent.
    Bytes countKey = TrendingStoreKeys.tagKey(granularity, count.getBucketStart(), tag);
    if (count.getPaperCount() > 0) {
      counts.put(countKey, count);
    } else {
      counts.delete(countKey);
    }

    if (rescore(granularity, ranked, tag)) {
      publish(record, granularity, ranked);
    }
  }

  /** Replaces the tag's index entry in the ranked bucket; true if the index changed. */
  private boolean rescore(Granularity granularity, LocalDate ranked, String tag) {
    Bytes entryKey = TrendingStoreKeys.tagKey(granularity, ranked, tag);
    TrendingTag previous = entries.get(entryKey);
    TrendingTag current = entryFor(granularity, ranked, tag);
    if (current == null ? previous == null : current.equals(previous)) {
      return false;
    }
    if (previous != null) {
      index.delete(TrendingStoreKeys.indexKey(granularity, ranked, previous));
    }
    if (current == null) {
      entries.delete(entryKey);
    } else {
      entries.put(entryKey, current);
      index.put(TrendingStoreKeys.indexKey(granularity, ranked, current), current);
    }
    return true;
  }

  /** The tag's scored entry in the bucket, or null when the tag has no paper there. */
  private TrendingTag entryFor(Granularity granularity, LocalDate ranked, String tag) {
    TagCount count = counts.get(TrendingStoreKeys.tagKey(granularity, ranked, tag));
    if (count == null) {
      return null;
    }
    long[] history = new long[lookback];
    LocalDate bucket = ranked;
    for (int i = 0; i < lookback; i++) {
      bucket = granularity.previous(bucket);
      TagCount earlier = counts.get(TrendingStoreKeys.tagKey(granularity, bucket, tag));
      history[i] = earlier == null ? 0 : earlier.getPaperCount();
    }
    return TrendingTag.newBuilder()
        .setTag(tag)
        .setKind(count.getKind())
        .setPaperCount(count.getPaperCount())
        .setUpvoteSum(count.getUpvoteSum())
        .setScore(TrendScore.score(count.getPaperCount(), history))
        // rank is positional and assigned when the top N are read
        .setRank(0)
        .build();
  }

  private void publish(Record<TrendingKey, TagCount> record, Granularity granularity, LocalDate ranked) {
    List<TrendingTag> top = new ArrayList<>(topN);
    Bytes prefix = TrendingStoreKeys.bucketPrefix(granularity, ranked);
    try (KeyValueIterator<Bytes, TrendingTag> it = index.prefixScan(prefix, new BytesSerializer())) {
      while (it.hasNext() && top.size() < topN) {
        KeyValue<Bytes, TrendingTag> next = it.next();
        TrendingTag entry = TrendingTag.newBuilder(next.value).setRank(top.size() + 1).build();
        top.add(entry);
      }
    }
    TrendingKey key = new TrendingKey(granularity.label(), ranked);
    TrendingTags before = rankings.get(key);
    if (top.isEmpty()) {
      if (before != null) {
        rankings.delete(key);
        context.forward(new Record<>(key, null, record.timestamp(), record.headers()));
      }
      return;
    }
    TrendingTags now = TrendingTags.newBuilder()
        .setGranularity(granularity.label())
        .setBucketStart(ranked)
        .setBucketEnd(granularity.bucketEnd(ranked))
        .setTags(top)
        .build();
    if (!now.equals(before)) {
      rankings.put(key, now);
      context.forward(new Record<>(key, now, record.timestamp(), record.headers()));
    }
  }
}
