package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.RankingPart;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagDayDeltas;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.alerts.TrendAlerts;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.BlindDeletes;
import io.paperpulse.streams.topology.counts.CountingOutput.ChangedCount;
import io.paperpulse.streams.topology.counts.CountingOutput.ChangedRankingPart;
import io.paperpulse.streams.topology.counts.CountingOutput.RaisedAlert;
import io.paperpulse.streams.topology.emit.ForwardOnFlush;
import io.paperpulse.streams.trending.LocalRankings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the exact count of every (tag, granularity, bucket) of the tags this task owns, and this
 * task's part of every ranking.
 *
 * <p>Input: signed changes of this task's tags, each on one day ({@link TagDeltas}), added to the
 * bucket of every configured granularity containing that day. Every change is written to the task's
 * {@link CountTable}, which answers the task's reads, and to the counts store, the durable copy the
 * table is loaded from when the task starts. The counts store is cached: each changed count is
 * forwarded once per commit with its latest value when the cache is flushed ({@link
 * ForwardOnFlush}), or null once the last paper left (the store drops the key, the topic gets a
 * tombstone). Once per ranking interval the counts changed since the last time are re-scored and
 * the ranking parts they moved are forwarded ({@link LocalRankings}). A change that makes a tag
 * take off in the current bucket is forwarded at once as an alert ({@link TrendAlerts}).
 */
public final class CountTagsProcessor
    implements Processor<Integer, TagDayDeltas, Void, CountingOutput> {

  private static final Logger log = LoggerFactory.getLogger(CountTagsProcessor.class);

  /**
   * Store names: the counts, the score index, the ranking parts last published, the alert state.
   */
  public record Stores(String counts, String index, String published, String alerts) {}

  private final Stores storeNames;
  private final List<Granularity> granularities;
  private final Duration rankingInterval;
  private final int lookback;
  private final int topN;
  private final AlertThreshold alertThreshold;
  private ProcessorContext<Void, CountingOutput> context;
  private KeyValueStore<Bytes, Count> counts;
  private CountTable table;
  private LocalRankings rankings;
  private TrendAlerts alerts;

  public CountTagsProcessor(
      Stores storeNames,
      List<Granularity> granularities,
      Duration rankingInterval,
      int lookback,
      int topN,
      AlertThreshold alertThreshold) {
    this.storeNames = storeNames;
    this.granularities = List.copyOf(granularities);
    this.rankingInterval = rankingInterval;
    this.lookback = lookback;
    this.topN = topN;
    this.alertThreshold = alertThreshold;
  }

  @Override
  public void init(ProcessorContext<Void, CountingOutput> context) {
    this.context = context;
    this.counts = context.getStateStore(storeNames.counts());
    ForwardOnFlush.register(counts, context, this::forwardCount);
    long started = System.nanoTime();
    this.table = CountTable.load(counts);
    log.info(
        "partition {}: {} counts loaded in {} ms",
        context.taskId().partition(),
        table.size(),
        (System.nanoTime() - started) / 1_000_000);
    this.rankings =
        new LocalRankings(
            table,
            context.getStateStore(storeNames.index()),
            context.getStateStore(storeNames.published()),
            lookback,
            topN,
            context.taskId().partition());
    rankings.rebuild();
    this.alerts =
        new TrendAlerts(context.getStateStore(storeNames.alerts()), alertThreshold, lookback);
    context.schedule(
        rankingInterval,
        PunctuationType.WALL_CLOCK_TIME,
        now -> rankings.publishChanges(this::forwardRankingPart));
  }

  @Override
  public void process(Record<Integer, TagDayDeltas> record) {
    if (record.value() == null) {
      return;
    }
    for (TagDayDelta delta : record.value().getDeltas()) {
      for (Granularity granularity : granularities) {
        CountKey key =
            new CountKey(granularity, delta.getTag(), granularity.bucketStart(delta.getDay()));
        Count current = table.get(key);
        Count next = Count.apply(current, delta);
        // the store first: if its write fails, the table has not moved ahead of it
        if (next == null) {
          BlindDeletes.delete(counts, key.bytes());
        } else {
          counts.put(key.bytes(), next);
        }
        table.put(key, next);
        rankings.changed(key, current);
        TrendAlert alert = alerts.changed(key, current, next, table);
        if (alert != null) {
          context.forward(
              new Record<>(null, new RaisedAlert(key.toAvro(), alert), record.timestamp()));
        }
      }
    }
  }

  private void forwardCount(Bytes bytes, Count count, long timestamp) {
    CountKey key = CountKey.of(bytes);
    TagCount value = count == null ? null : count.toTagCount(key);
    context.forward(new Record<>(null, new ChangedCount(key.toAvro(), value), timestamp));
  }

  private void forwardRankingPart(TrendingKey ranking, RankingPart part) {
    // the latest record time of the task: a part sums up records, and timestamps must not be
    // negative
    long timestamp = Math.max(0, context.currentStreamTimeMs());
    context.forward(new Record<>(null, new ChangedRankingPart(ranking, part), timestamp));
  }
}
