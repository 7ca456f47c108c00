package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountDelta;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.CountingOutput.ChangedCount;
import io.paperpulse.streams.topology.counts.CountingOutput.RankingEntries;
import io.paperpulse.streams.topology.emit.PendingEmissions;
import io.paperpulse.streams.trending.RankingUpdates;
import io.paperpulse.streams.trending.TrendScorer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the exact count of every (tag, granularity, bucket) of the tags this task owns, and
 * scores the tags where their counts moved.
 *
 * <p>Input: a tag's signed change on one day ({@link TagDeltas}). The change is added to the
 * bucket of every configured granularity containing that day. Once per emit interval, each
 * changed count is forwarded with its current value, or null once the last paper left (the store
 * then drops the key, the topic gets a tombstone), and the tag is re-scored where that change
 * moves its score ({@link TrendScorer}). The new entries are forwarded as one batch per ranking,
 * not one record per entry: in one interval many tags of a bucket change.
 *
 * <p>What changed is remembered per (tag, day), not per count: a changed day implies changed
 * buckets of every granularity containing it, so one mark stands for all of them. That is one
 * pending-store write (and changelog record) per change instead of one per granularity.
 */
public final class CountTagsProcessor implements Processor<TagCountKey, TagCountDelta, Void, CountingOutput> {

  /** Entries per batch at most: a year bucket can gather thousands of changed tags in one interval. */
  private static final int MAX_ENTRIES_PER_BATCH = 1_000;

  /** Absent count keys remembered per task: about 100 bytes of heap each. */
  private static final int MAX_ABSENT_KEYS = 50_000;

  /** Store names: the counts, and the counts changed since the last emission. */
  public record Stores(String counts, String pending) {}

  private final Stores storeNames;
  private final List<Granularity> granularities;
  private final Duration emitInterval;
  private final int trendingLookback;
  private ProcessorContext<Void, CountingOutput> context;
  private KeyValueStore<Bytes, TagCount> counts;
  private PendingEmissions<Bytes> pending;
  private AbsentCounts absent;

  public CountTagsProcessor(
      Stores storeNames, List<Granularity> granularities, Duration emitInterval, int trendingLookback) {
    this.storeNames = storeNames;
    this.granularities = List.copyOf(granularities);
    this.emitInterval = emitInterval;
    this.trendingLookback = trendingLookback;
  }

  @Override
  public void init(ProcessorContext<Void, CountingOutput> context) {
    this.context = context;
    this.counts = context.getStateStore(storeNames.counts());
    this.pending = new PendingEmissions<>(context.getStateStore(storeNames.pending()));
    this.absent = new AbsentCounts(MAX_ABSENT_KEYS);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitChanges());
  }

  @Override
  public void process(Record<TagCountKey, TagCountDelta> record) {
    TagCountDelta delta = record.value();
    if (delta == null) {
      return;
    }
    String tag = record.key().getTag();
    LocalDate day = record.key().getBucketStart();
    for (Granularity granularity : granularities) {
      LocalDate start = granularity.bucketStart(day);
      Bytes key = CountStoreKeys.of(granularity, tag, start);
      TagCount current = absent.contains(key) ? null : counts.get(key);
      long papers = (current == null ? 0 : current.getPaperCount()) + delta.getPaperDelta();
      long upvotes = (current == null ? 0 : current.getUpvoteSum()) + delta.getUpvoteDelta();
      if (papers == 0) {
        counts.delete(key);
        absent.add(key);
      } else {
        absent.remove(key);
        counts.put(key, TagCount.newBuilder()
            .setTag(tag)
            // the latest addition decides the kind, as a retraction carries the old one
            .setKind(current == null || delta.getPaperDelta() > 0 ? delta.getKind() : current.getKind())
            .setGranularity(granularity.label())
            .setBucketStart(start)
            .setBucketEnd(granularity.bucketEnd(start))
            .setPaperCount(papers)
            .setUpvoteSum(upvotes)
            .build());
      }
    }
    pending.mark(CountStoreKeys.of(Granularity.DAY, tag, day), record.timestamp());
  }

  private void emitChanges() {
    Map<Bytes, Long> changed = new LinkedHashMap<>(pending.size() * granularities.size() * 4 / 3 + 1);
    pending.drain((dayKey, timestamp) -> {
      TagCountKey day = CountStoreKeys.decode(dayKey);
      for (Granularity granularity : granularities) {
        Bytes key = CountStoreKeys.of(granularity, day.getTag(), granularity.bucketStart(day.getBucketStart()));
        changed.merge(key, timestamp, Math::max);
      }
    });
    RankingUpdates updates = new RankingUpdates(MAX_ENTRIES_PER_BATCH);
    TrendScorer scorer = new TrendScorer(counts, absent, trendingLookback, changed.size());
    changed.forEach((key, timestamp) -> {
      TagCountKey countKey = CountStoreKeys.decode(key);
      context.forward(new Record<>(null, new ChangedCount(countKey, scorer.count(key)), timestamp));
      scorer.rescore(countKey, timestamp, updates);
    });
    updates.forEachBatch((ranking, entries, timestamp) ->
        context.forward(new Record<>(null, new RankingEntries(ranking, entries), timestamp)));
  }
}
