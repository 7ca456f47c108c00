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
import io.paperpulse.streams.topology.counts.CountingOutput.ChangedCount;
import io.paperpulse.streams.topology.counts.CountingOutput.ChangedRankingPart;
import io.paperpulse.streams.topology.counts.CountingOutput.RaisedAlert;
import io.paperpulse.streams.trending.LocalRankings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the exact count of every (tag, granularity, bucket) of the tags this task owns, and this
 * task's part of every ranking.
 *
 * <p>Input: signed changes of this task's tags, each on one day ({@link TagDeltas}), added to the
 * bucket of every configured granularity containing that day. Every change is written to the task's
 * {@link CountStore}, whose table answers the task's reads; the store writes each changed count
 * once per commit, with its latest value, to its changelog and here, to be forwarded, or null once
 * the last paper left (the topic gets a tombstone). Once per ranking interval the counts changed
 * since the last time are re-scored and the ranking parts they moved are forwarded ({@link
 * LocalRankings}). A change that makes a tag take off in the current bucket is forwarded at once as
 * an alert ({@link TrendAlerts}).
 */
public final class CountTagsProcessor
    implements Processor<Integer, TagDayDeltas, Void, CountingOutput> {

  private static final Logger log = LoggerFactory.getLogger(CountTagsProcessor.class);

  /** Store names: the counts, the ranking parts last published, the alert state. */
  public record Stores(String counts, String published, String alerts) {}

  private final Stores storeNames;
  private final List<Granularity> granularities;
  private final Duration rankingInterval;
  private final int lookback;
  private final int topN;
  private final AlertThreshold alertThreshold;
  private ProcessorContext<Void, CountingOutput> context;
  private CountStore counts;
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
    this.table = counts.table();
    counts.onFlush(context, this::forwardCount);
    log.info("partition {}: {} counts restored", context.taskId().partition(), table.size());
    this.rankings =
        new LocalRankings(
            table,
            context.getStateStore(storeNames.published()),
            lookback,
            topN,
            context.taskId().partition());
    rankings.rebuild();
    this.alerts =
        new TrendAlerts(
            context.getStateStore(storeNames.alerts()), alertThreshold, lookback, table);
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
      int tag = table.tagNumber(delta.getTag());
      for (Granularity granularity : granularities) {
        long code = CountTable.code(tag, granularity, granularity.bucketStart(delta.getDay()));
        Count current = table.get(code);
        Count next = Count.apply(current, delta);
        counts.put(code, next, record.timestamp());
        rankings.changed(code, current);
        TrendAlert alert = alerts.changed(code, current, next);
        if (alert != null) {
          context.forward(
              new Record<>(
                  null, new RaisedAlert(table.key(code).toAvro(), alert), record.timestamp()));
        }
      }
    }
  }

  private void forwardCount(CountKey key, Count count, long timestamp) {
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
