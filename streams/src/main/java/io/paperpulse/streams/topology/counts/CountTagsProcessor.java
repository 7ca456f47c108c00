package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountDelta;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.emit.PendingEmissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the exact count of every (tag, granularity, bucket) of the tags this task owns.
 *
 * <p>Input: a tag's signed change on one day ({@link TagDeltas}). The change is added to the
 * bucket of every configured granularity containing that day. Changed counts are forwarded once
 * per emit interval with their current value, or null once the last paper left (the store then
 * drops the key, the topic gets a tombstone).
 */
public final class CountTagsProcessor implements Processor<TagCountKey, TagCountDelta, TagCountKey, TagCount> {

  /** Store names: the counts, and the counts changed since the last emission. */
  public record Stores(String counts, String pending) {}

  private final Stores storeNames;
  private final List<Granularity> granularities;
  private final Duration emitInterval;
  private ProcessorContext<TagCountKey, TagCount> context;
  private KeyValueStore<Bytes, TagCount> counts;
  private PendingEmissions<Bytes> pending;

  public CountTagsProcessor(Stores storeNames, List<Granularity> granularities, Duration emitInterval) {
    this.storeNames = storeNames;
    this.granularities = List.copyOf(granularities);
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<TagCountKey, TagCount> context) {
    this.context = context;
    this.counts = context.getStateStore(storeNames.counts());
    this.pending = new PendingEmissions<>(context.getStateStore(storeNames.pending()));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> pending.drain(this::emit));
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
      TagCount current = counts.get(key);
      long papers = (current == null ? 0 : current.getPaperCount()) + delta.getPaperDelta();
      long upvotes = (current == null ? 0 : current.getUpvoteSum()) + delta.getUpvoteDelta();
      if (papers == 0) {
        counts.delete(key);
      } else {
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
      pending.mark(key, record.timestamp());
    }
  }

  private void emit(Bytes key, long timestamp) {
    context.forward(new Record<>(CountStoreKeys.decode(key), counts.get(key), timestamp));
  }
}
