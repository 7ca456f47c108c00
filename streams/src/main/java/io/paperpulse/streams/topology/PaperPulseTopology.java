package io.paperpulse.streams.topology;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.RankingPart;
import io.paperpulse.schema.RankingParts;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagDayDeltas;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TopPapers;
import io.paperpulse.schema.TopPapersPart;
import io.paperpulse.schema.TopPapersParts;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.metrics.PipelineMetrics;
import io.paperpulse.streams.papers.RankPapersProcessor;
import io.paperpulse.streams.papers.TopPapersMerge;
import io.paperpulse.streams.topology.counts.CountStore;
import io.paperpulse.streams.topology.counts.CountTagsProcessor;
import io.paperpulse.streams.topology.counts.CountUpdateLatencyProbe;
import io.paperpulse.streams.topology.counts.CountingOutput;
import io.paperpulse.streams.topology.counts.TagDeltas;
import io.paperpulse.streams.topology.counts.TagPartitioner;
import io.paperpulse.streams.topology.intake.DeadLetterProcessor;
import io.paperpulse.streams.topology.intake.DecodedSerde;
import io.paperpulse.streams.topology.intake.PaperIntake;
import io.paperpulse.streams.topology.intake.PaperValidator;
import io.paperpulse.streams.topology.intake.ValidatePaperProcessor;
import io.paperpulse.streams.topology.output.GuardedSink;
import io.paperpulse.streams.topology.serde.BinaryAvroSerde;
import io.paperpulse.streams.topology.tagging.PaperChange;
import io.paperpulse.streams.topology.tagging.TagPaperProcessor;
import io.paperpulse.streams.trending.RankingMerge;
import io.paperpulse.tagging.Tagger;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
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
 * The paperpulse topology, built by one pure function so the application and the tests run the very
 * same graph. See docs/topology.md for the described graph.
 *
 * <pre>
 * papers -> validate -> rejected -> papers-dlq
 *                    -> accepted -> tag (store paper-tags) -> papers-tagged
 *                                                          -> per-day tag deltas
 *     -> by tag -> count every granularity (store bucket-counts) -> changed counts, once per commit -> tag-counts
 *                  score, and rank the task's own tags (score-index) -> changed ranking parts, once per second
 *     -> by (granularity, bucket) -> latest part per partition (trending-rankings) -> top N -> trending-tags
 *
 * every output: size check -> fits -> its topic
 *                          -> too large or not serializable -> papers-dlq (stage production)
 * </pre>
 */
public final class PaperPulseTopology {

  /**
   * Every changelog rolls a new segment every 16 MB. The broker compacts closed segments only, and
   * a restore reads whatever compaction has left: with the broker's 1 GB default, a restarted
   * instance would read every update since the start (each count, each republished ranking part)
   * instead of about one record per key.
   */
  static final Map<String, String> CHANGELOG =
      Map.of(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));

  private PaperPulseTopology() {}

  /**
   * Adds the topology to {@code builder} and builds it with one counting partition, as in the test
   * driver, reporting no metrics.
   */
  public static Topology build(
      StreamsBuilder builder,
      PaperPulseStreamsConfig config,
      TopicNames topics,
      TopologySerdes serdes,
      Tagger tagger) {
    return build(builder, config, 1, topics, serdes, tagger, PipelineMetrics.NONE);
  }

  /**
   * Adds the topology to {@code builder} and builds it; processors report to {@code metrics}, which
   * never influences what they compute.
   *
   * @param countingPartitions partitions of the counting stage: tags are assigned to them by hash,
   *     and the repartition topic feeding them is created with this many. The application takes the
   *     partition count of the papers topic; changing it needs a new application id (or a reset)
   */
  public static Topology build(
      StreamsBuilder builder,
      PaperPulseStreamsConfig config,
      int countingPartitions,
      TopicNames topics,
      TopologySerdes serdes,
      Tagger tagger,
      PipelineMetrics metrics) {
    Serde<String> stringKey = serdes.stringKey();

    KStream<String, PaperIntake> intake =
        builder.stream(
                topics.papers(),
                Consumed.with(
                        new DecodedSerde<>(stringKey),
                        new DecodedSerde<>(serdes.value(PaperEvent.class)))
                    .withName("papers-source"))
            .process(
                () ->
                    new ValidatePaperProcessor(
                        new PaperValidator(
                            config.maxAbstractChars(), config.maxFutureSkew(), config.bucketBy()),
                        metrics),
                Named.as("validate-paper"));

    Map<String, KStream<String, PaperIntake>> routes =
        intake
            .split(Named.as("intake-"))
            .branch((id, paper) -> paper instanceof PaperIntake.Rejected, Branched.as("rejected"))
            .defaultBranch(Branched.as("accepted"));

    routes
        .get("intake-rejected")
        .process(() -> new DeadLetterProcessor<>(metrics), Named.as("dead-letter"))
        .to(
            topics.papersDlq(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("papers-dlq-sink"));

    KStream<String, PaperChange> changes =
        routes
            .get("intake-accepted")
            .process(
                tagPaper(tagger, stringKey, serdes.value(TaggedPaper.class), metrics),
                Named.as("tag-paper"));

    GuardedSink sinks = new GuardedSink(topics.papersDlq(), config.maxOutputRecordBytes(), metrics);
    sinks.to(
        changes.mapValues(PaperChange::after, Named.as("latest-tagged-paper")),
        "papers-tagged",
        topics.papersTagged(),
        stringKey,
        serdes.value(TaggedPaper.class));

    // Each paper change becomes one signed change per tag on the paper's day, sent to the task
    // that owns the tag (one record per such task); that task keeps all of the tag's buckets and
    // scores.
    KStream<Void, CountingOutput> counted =
        changes
            .flatMap(
                (id, change) ->
                    TagDeltas.between(
                        change.before(), change.after(), countingPartitions, config.bucketBy()),
                Named.as("tag-deltas-of-change"))
            .repartition(
                Repartitioned.<Integer, TagDayDeltas>as(StoreNames.TAG_DELTAS)
                    .withKeySerde(Serdes.Integer())
                    .withValueSerde(new BinaryAvroSerde<>(TagDayDeltas.class))
                    .withNumberOfPartitions(countingPartitions)
                    .withStreamPartitioner(new TagPartitioner<>()))
            .process(countTags(config), Named.as("count-tags"));

    // A count of null means the bucket's last paper left: a tombstone, so compaction can drop it.
    Serde<TagCount> tagCountSerde = serdes.value(TagCount.class);
    KStream<TagCountKey, TagCount> countChanges =
        counted
            .flatMap((none, out) -> out.asChangedCount(), Named.as("changed-counts"))
            .processValues(
                () -> new CountUpdateLatencyProbe(metrics), Named.as("count-update-latency"));
    sinks.to(
        countChanges,
        "tag-counts",
        topics.tagCounts(),
        serdes.key(TagCountKey.class),
        tagCountSerde);

    // Each ranking part goes to the task that merges that (granularity, bucket); the record cache
    // writes each changed ranking once per commit.
    Serde<TrendingKey> trendingKeySerde = serdes.key(TrendingKey.class);
    KStream<TrendingKey, TrendingTags> rankings =
        counted
            .flatMap((none, out) -> out.asRankingPart(), Named.as("ranking-parts-of-counts"))
            .groupByKey(
                Grouped.with(
                    StoreNames.RANKING_PARTS,
                    trendingKeySerde,
                    new BinaryAvroSerde<>(RankingPart.class)))
            .aggregate(
                () -> new RankingParts(List.of()),
                (key, part, parts) -> RankingMerge.replace(parts, part),
                Named.as("merge-ranking-parts"),
                Materialized.<TrendingKey, RankingParts, KeyValueStore<Bytes, byte[]>>as(
                        StoreNames.TRENDING_RANKINGS)
                    .withKeySerde(trendingKeySerde)
                    .withValueSerde(new BinaryAvroSerde<>(RankingParts.class))
                    .withLoggingEnabled(CHANGELOG))
            .toStream(Named.as("changed-rankings"))
            .mapValues(
                (key, parts) -> RankingMerge.ranking(key, parts, config.topN()),
                Named.as("rank-trending-tags"));
    sinks.to(
        rankings,
        "trending-tags",
        topics.trendingTags(),
        trendingKeySerde,
        serdes.value(TrendingTags.class));

    // Each partition of papers ranks its own papers per bucket and publishes a bucket's top N when
    // it changes; the task that merges that bucket keeps every partition's latest part.
    KStream<TrendingKey, TopPapers> topPapers =
        changes
            .process(rankPapers(config), Named.as("rank-papers"), StoreNames.PAPER_TAGS)
            .groupByKey(
                Grouped.with(
                    StoreNames.TOP_PAPERS_PARTS,
                    trendingKeySerde,
                    new BinaryAvroSerde<>(TopPapersPart.class)))
            .aggregate(
                () -> new TopPapersParts(List.of()),
                (key, part, parts) -> TopPapersMerge.replace(parts, part),
                Named.as("merge-top-papers-parts"),
                Materialized.<TrendingKey, TopPapersParts, KeyValueStore<Bytes, byte[]>>as(
                        StoreNames.TOP_PAPERS)
                    .withKeySerde(trendingKeySerde)
                    .withValueSerde(new BinaryAvroSerde<>(TopPapersParts.class))
                    .withLoggingEnabled(CHANGELOG))
            .toStream(Named.as("changed-top-papers"))
            .mapValues(
                (key, parts) -> TopPapersMerge.top(key, parts, config.topN()),
                Named.as("rank-top-papers"));
    sinks.to(
        topPapers,
        "top-papers",
        topics.topPapers(),
        trendingKeySerde,
        serdes.value(TopPapers.class));

    sinks.to(
        counted.flatMap((none, out) -> out.asAlert(), Named.as("raised-alerts")),
        "trend-alerts",
        topics.trendAlerts(),
        serdes.key(TagCountKey.class),
        serdes.value(TrendAlert.class));

    return builder.build();
  }

  private static ProcessorSupplier<String, PaperIntake, String, PaperChange> tagPaper(
      Tagger tagger,
      Serde<String> keySerde,
      Serde<TaggedPaper> valueSerde,
      PipelineMetrics metrics) {
    StoreBuilder<KeyValueStore<String, TaggedPaper>> store =
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PAPER_TAGS), keySerde, valueSerde)
            .withLoggingEnabled(CHANGELOG);
    return withStores(
        () -> new TagPaperProcessor(tagger, StoreNames.PAPER_TAGS, metrics), Set.of(store));
  }

  private static ProcessorSupplier<String, PaperChange, TrendingKey, TopPapersPart> rankPapers(
      PaperPulseStreamsConfig config) {
    Set<StoreBuilder<?>> stores =
        inOrder(
            // derived from paper-tags and rebuilt from it on start: no changelog; not cached, since
            // it is read by prefix scans
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.PAPER_RANKS),
                    Serdes.Bytes(),
                    Serdes.ByteArray())
                .withLoggingDisabled(),
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.PUBLISHED_PAPER_PARTS),
                    Serdes.Bytes(),
                    new BinaryAvroSerde<>(TopPapersPart.class))
                .withCachingEnabled()
                .withLoggingEnabled(CHANGELOG));
    RankPapersProcessor.Stores names =
        new RankPapersProcessor.Stores(
            StoreNames.PAPER_TAGS, StoreNames.PAPER_RANKS, StoreNames.PUBLISHED_PAPER_PARTS);
    return withStores(
        () ->
            new RankPapersProcessor(
                names,
                config.granularities(),
                config.bucketBy(),
                config.emitInterval(),
                config.topN()),
        stores);
  }

  private static ProcessorSupplier<Integer, TagDayDeltas, Void, CountingOutput> countTags(
      PaperPulseStreamsConfig config) {
    Set<StoreBuilder<?>> stores =
        inOrder(
            CountStore.builder(StoreNames.BUCKET_COUNTS, config.granularities(), CHANGELOG),
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.PUBLISHED_PARTS),
                    Serdes.Bytes(),
                    new BinaryAvroSerde<>(RankingPart.class))
                .withCachingEnabled()
                .withLoggingEnabled(CHANGELOG),
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.TREND_ALERTS),
                    Serdes.Bytes(),
                    Serdes.ByteArray())
                .withLoggingEnabled(CHANGELOG));
    CountTagsProcessor.Stores names =
        new CountTagsProcessor.Stores(
            StoreNames.BUCKET_COUNTS, StoreNames.PUBLISHED_PARTS, StoreNames.TREND_ALERTS);
    return withStores(
        () ->
            new CountTagsProcessor(
                names,
                config.granularities(),
                config.emitInterval(),
                config.trendingLookback(),
                config.topN(),
                config.alertThreshold()),
        stores);
  }

  /** A processor supplier that registers {@code stores} with the processors it creates. */
  private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> withStores(
      Supplier<Processor<KIn, VIn, KOut, VOut>> processor, Set<StoreBuilder<?>> stores) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<KIn, VIn, KOut, VOut> get() {
        return processor.get();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }

  /**
   * Stores in declaration order: Set.of iterates in a per-JVM order, which describe() would show.
   */
  private static Set<StoreBuilder<?>> inOrder(StoreBuilder<?>... stores) {
    return new LinkedHashSet<>(Arrays.asList(stores));
  }
}
