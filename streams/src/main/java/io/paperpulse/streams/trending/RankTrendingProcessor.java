package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingEntries;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.emit.PendingEmissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains the top-N ranking of each (granularity, bucket) this task owns.
 *
 * <p>Input: new scored entries of one ranking ({@link TrendScorer}, batched per ranking by the
 * counting task); paper count 0 removes the tag. Each entry replaces the tag's previous one in a
 * score-ordered index; work per entry is independent of how many tags the bucket holds. Once per
 * emit interval, each changed ranking reads its top N with a range scan that stops after N and
 * is forwarded if it differs from the last one forwarded (a tombstone when the bucket has no tag
 * left).
 *
 * <p>The index is derived state: it holds exactly the entries, ordered by score. It has no
 * changelog (it was the largest one, a delete and a put per entry), so after a crash, a restore or
 * a standby's catching up it can disagree with the entries. Each task therefore rebuilds a
 * ranking's part of the index from its entries the first time it publishes that ranking, and
 * keeps it in step from then on. Rebuilding per ranking, not the whole index when the task starts,
 * keeps start-up independent of the state's size (a whole rebuild in {@code init} blocked the
 * stream thread for about 40 s per 780,000 entries) and skips the rankings that no longer change.
 */
public final class RankTrendingProcessor implements Processor<TrendingKey, TrendingEntries, TrendingKey, TrendingTags> {

  private static final Logger log = LoggerFactory.getLogger(RankTrendingProcessor.class);

  /** Store names: entries by tag, the score-ordered index, the rankings, the changed rankings. */
  public record Stores(String entries, String index, String rankings, String pending) {}

  private final Stores storeNames;
  private final int topN;
  private final Duration emitInterval;
  private ProcessorContext<TrendingKey, TrendingTags> context;
  private KeyValueStore<Bytes, TrendingTag> entries;
  private KeyValueStore<Bytes, TrendingTag> index;
  private KeyValueStore<TrendingKey, TrendingTags> rankings;
  private PendingEmissions<TrendingKey> pending;
  /** Rankings whose part of the index was rebuilt since this task started: few, one per bucket. */
  private final Set<TrendingKey> rebuilt = new HashSet<>();

  public RankTrendingProcessor(Stores storeNames, int topN, Duration emitInterval) {
    this.storeNames = storeNames;
    this.topN = topN;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<TrendingKey, TrendingTags> context) {
    this.context = context;
    this.entries = context.getStateStore(storeNames.entries());
    this.index = context.getStateStore(storeNames.index());
    this.rankings = context.getStateStore(storeNames.rankings());
    this.pending = new PendingEmissions<>(context.getStateStore(storeNames.pending()));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> pending.drain(this::publish));
  }

  @Override
  public void process(Record<TrendingKey, TrendingEntries> record) {
    if (record.value() == null) {
      return;
    }
    Granularity granularity = Granularity.fromLabel(record.key().getGranularity());
    LocalDate bucket = record.key().getBucketStart();
    boolean changed = false;
    for (TrendingTag entry : record.value().getEntries()) {
      changed |= replace(granularity, bucket, entry);
    }
    if (changed) {
      pending.mark(record.key(), record.timestamp());
    }
  }

  /** Puts {@code entry} in place of the tag's previous entry; false if that changes nothing. */
  private boolean replace(Granularity granularity, LocalDate bucket, TrendingTag entry) {
    Bytes entryKey = TrendingStoreKeys.tagKey(granularity, bucket, entry.getTag());
    TrendingTag previous = entries.get(entryKey);
    TrendingTag current = entry.getPaperCount() > 0 ? entry : null;
    if (current == null ? previous == null : current.equals(previous)) {
      return false;
    }
    if (previous != null) {
      index.delete(TrendingStoreKeys.indexKey(granularity, bucket, previous));
    }
    if (current == null) {
      entries.delete(entryKey);
    } else {
      entries.put(entryKey, current);
      index.put(TrendingStoreKeys.indexKey(granularity, bucket, current), current);
    }
    return true;
  }

  private void publish(TrendingKey key, long timestamp) {
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    LocalDate bucket = key.getBucketStart();
    Bytes prefix = TrendingStoreKeys.bucketPrefix(granularity, bucket);
    if (rebuilt.add(key)) {
      rebuildIndex(key, prefix);
    }
    List<TrendingTag> top = new ArrayList<>(topN);
    try (KeyValueIterator<Bytes, TrendingTag> it = index.prefixScan(prefix, new BytesSerializer())) {
      while (it.hasNext() && top.size() < topN) {
        top.add(TrendingTag.newBuilder(it.next().value).setRank(top.size() + 1).build());
      }
    }
    TrendingTags before = rankings.get(key);
    if (top.isEmpty()) {
      if (before != null) {
        rankings.delete(key);
        context.forward(new Record<>(key, null, timestamp));
      }
      return;
    }
    TrendingTags now = TrendingTags.newBuilder()
        .setGranularity(granularity.label())
        .setBucketStart(bucket)
        .setBucketEnd(granularity.bucketEnd(bucket))
        .setTags(top)
        .build();
    if (!now.equals(before)) {
      rankings.put(key, now);
      context.forward(new Record<>(key, now, timestamp));
    }
  }

  /** Makes the ranking's part of the index exactly its entries, whatever it held before. */
  private void rebuildIndex(TrendingKey key, Bytes prefix) {
    long started = System.nanoTime();
    // a RocksDB iterator reads a snapshot, so deleting while iterating is safe
    try (KeyValueIterator<Bytes, TrendingTag> it = index.prefixScan(prefix, new BytesSerializer())) {
      it.forEachRemaining(stale -> index.delete(stale.key));
    }
    long entryCount = 0;
    try (KeyValueIterator<Bytes, TrendingTag> it = entries.prefixScan(prefix, new BytesSerializer())) {
      while (it.hasNext()) {
        var entry = it.next();
        index.put(TrendingStoreKeys.indexKey(entry.key, entry.value), entry.value);
        entryCount++;
      }
    }
    log.debug("task {}: index of ranking {} {} rebuilt from {} entries in {} ms", context.taskId(),
        key.getGranularity(), key.getBucketStart(), entryCount, (System.nanoTime() - started) / 1_000_000);
  }
}
