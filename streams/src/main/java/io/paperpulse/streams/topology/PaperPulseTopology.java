package io.paperpulse.streams.topology;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.metrics.PipelineMetrics;
import io.paperpulse.streams.topology.counts.CountUpdateLatencyProbe;
import io.paperpulse.streams.topology.counts.PaperMemberships;
import io.paperpulse.streams.topology.counts.TagCountAggregation;
import io.paperpulse.streams.topology.intake.DeadLetterProcessor;
import io.paperpulse.streams.topology.intake.DecodedSerde;
import io.paperpulse.streams.topology.intake.PaperIntake;
import io.paperpulse.streams.topology.intake.PaperValidator;
import io.paperpulse.streams.topology.intake.ValidatePaperProcessor;
import io.paperpulse.streams.topology.output.GuardedSink;
import io.paperpulse.streams.topology.tagging.PaperChange;
import io.paperpulse.streams.topology.tagging.TagPaperProcessor;
import io.paperpulse.streams.trending.RankTrendingProcessor;
import io.paperpulse.streams.trending.TrendingFanout;
import io.paperpulse.tagging.Tagger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The paperpulse topology, built by one pure function so the application and the tests run the
 * very same graph. See docs/topology.md for the described graph.
 *
 * <pre>
 * papers -> validate -> rejected -> papers-dlq
 *                    -> accepted -> tag (store paper-tags) -> papers-tagged
 *                                                          -> membership changes -> memberships table
 *                                      -> group by (tag, granularity, bucket) -> count -> tag-counts
 *                                      -> fan out to rankings -> rank (top N) -> trending-tags
 *
 * every output: size check -> fits -> its topic
 *                          -> too large or not serializable -> papers-dlq (stage production)
 * </pre>
 */
public final class PaperPulseTopology {

  private PaperPulseTopology() {}

  /** Adds the topology to {@code builder} and builds it, reporting no metrics. */
  public static Topology build(
      StreamsBuilder builder, TopologyConfig config, TopicNames topics, TopologySerdes serdes, Tagger tagger) {
    return build(builder, config, topics, serdes, tagger, PipelineMetrics.NONE);
  }

  /**
   * Adds the topology to {@code builder} and builds it; processors report to {@code metrics},
   * which never influences what they compute.
   */
  public static Topology build(
      StreamsBuilder builder,
      TopologyConfig config,
      TopicNames topics,
      TopologySerdes serdes,
      Tagger tagger,
      PipelineMetrics metrics) {
    Serde<String> stringKey = serdes.stringKey();
    Serde<TagCount> tagCountSerde = serdes.value(TagCount.class);
    Serde<TagCountKey> tagCountKeySerde = serdes.key(TagCountKey.class);

    KStream<String, PaperIntake> intake = builder
        .stream(
            topics.papers(),
            Consumed.with(new DecodedSerde<>(stringKey), new DecodedSerde<>(serdes.value(PaperEvent.class)))
                .withName("papers-source"))
        .process(
            () -> new ValidatePaperProcessor(
                new PaperValidator(config.maxAbstractChars(), config.maxFutureSkew()), metrics),
            Named.as("validate-paper"));

    Map<String, KStream<String, PaperIntake>> routes = intake
        .split(Named.as("intake-"))
        .branch((id, paper) -> paper instanceof PaperIntake.Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));

    routes.get("intake-rejected")
        .process(() -> new DeadLetterProcessor<>(metrics), Named.as("dead-letter"))
        .to(topics.papersDlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("papers-dlq-sink"));

    KStream<String, PaperChange> changes = routes.get("intake-accepted")
        .process(tagPaper(tagger, stringKey, serdes.value(TaggedPaper.class), metrics), Named.as("tag-paper"));

    GuardedSink sinks = new GuardedSink(topics.papersDlq(), config.maxOutputRecordBytes(), metrics);
    sinks.to(
        changes.mapValues(PaperChange::after, Named.as("latest-tagged-paper")),
        "papers-tagged", topics.papersTagged(), stringKey, serdes.value(TaggedPaper.class));

    PaperMemberships memberships = new PaperMemberships(config.granularities());
    KTable<TagCountKey, TagCount> tagCounts = changes
        .flatMap((id, change) -> memberships.changes(change.before(), change.after()), Named.as("membership-changes"))
        .toTable(
            Named.as("memberships-table"),
            Materialized.<String, TagCount, KeyValueStore<Bytes, byte[]>>as(StoreNames.PAPER_MEMBERSHIPS)
                .withKeySerde(stringKey)
                .withValueSerde(tagCountSerde))
        .groupBy(
            (membership, contribution) -> KeyValue.pair(PaperMemberships.countKey(contribution), contribution),
            Grouped.with(StoreNames.TAG_COUNTS_GROUPING, tagCountKeySerde, tagCountSerde))
        .aggregate(
            TagCountAggregation::empty,
            TagCountAggregation::add,
            TagCountAggregation::subtract,
            Named.as("count-tags"),
            Materialized.<TagCountKey, TagCount, KeyValueStore<Bytes, byte[]>>as(StoreNames.TAG_COUNTS)
                .withKeySerde(tagCountKeySerde)
                .withValueSerde(tagCountSerde));

    KStream<TagCountKey, TagCount> countChanges = tagCounts
        .toStream(Named.as("tag-count-changes"))
        .processValues(() -> new CountUpdateLatencyProbe(metrics), Named.as("count-update-latency"));

    // An emptied bucket becomes a tombstone so compaction can drop it; the store keeps the zero.
    sinks.to(
        countChanges.mapValues(
            count -> TagCountAggregation.isEmpty(count) ? null : count, Named.as("empty-count-as-tombstone")),
        "tag-counts", topics.tagCounts(), tagCountKeySerde, tagCountSerde);

    TrendingFanout fanout = new TrendingFanout(config.trendingLookback());
    Serde<TrendingKey> trendingKeySerde = serdes.key(TrendingKey.class);
    KStream<TrendingKey, TrendingTags> rankings = countChanges
        .flatMap(
            (key, count) -> count == null ? List.of() : fanout.targets(key, count),
            Named.as("trending-fanout-targets"))
        .repartition(
            Repartitioned.<TrendingKey, TagCount>as(StoreNames.TRENDING_FANOUT)
                .withKeySerde(trendingKeySerde)
                .withValueSerde(tagCountSerde))
        .process(rankTrending(config, serdes, tagCountSerde), Named.as("rank-trending-tags"));
    sinks.to(rankings, "trending-tags", topics.trendingTags(), trendingKeySerde, serdes.value(TrendingTags.class));

    return builder.build();
  }

  private static ProcessorSupplier<String, PaperIntake, String, PaperChange> tagPaper(
      Tagger tagger, Serde<String> keySerde, Serde<TaggedPaper> valueSerde, PipelineMetrics metrics) {
    StoreBuilder<KeyValueStore<String, TaggedPaper>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.PAPER_TAGS), keySerde, valueSerde);
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, PaperIntake, String, PaperChange> get() {
        return new TagPaperProcessor(tagger, StoreNames.PAPER_TAGS, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  private static ProcessorSupplier<TrendingKey, TagCount, TrendingKey, TrendingTags> rankTrending(
      TopologyConfig config, TopologySerdes serdes, Serde<TagCount> tagCountSerde) {
    Serde<TrendingTag> entrySerde = serdes.value(TrendingTag.class);
    Set<StoreBuilder<?>> stores = Set.of(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.TRENDING_COUNTS), Serdes.Bytes(), tagCountSerde),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.TRENDING_ENTRIES), Serdes.Bytes(), entrySerde),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.TRENDING_INDEX), Serdes.Bytes(), entrySerde),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.TRENDING_TAGS),
            serdes.key(TrendingKey.class),
            serdes.value(TrendingTags.class)));
    RankTrendingProcessor.Stores names = new RankTrendingProcessor.Stores(
        StoreNames.TRENDING_COUNTS, StoreNames.TRENDING_ENTRIES, StoreNames.TRENDING_INDEX, StoreNames.TRENDING_TAGS);
    return new ProcessorSupplier<>() {
      @Override
      public Processor<TrendingKey, TagCount, TrendingKey, TrendingTags> get() {
        return new RankTrendingProcessor(names, config.trendingLookback(), config.trendingTopN());
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }
}
