package io.paperpulse.streams.trending;

import io.paperpulse.schema.RankingParts;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to this instance's state stores (interactive queries). With several instances each
 * one answers for the keys it hosts; finding the owner of a key is the caller's job ({@code
 * KafkaStreams#queryMetadataForKey}). Throws {@code InvalidStateStoreException} while the
 * application is not yet running or rebalancing.
 */
public final class TrendingQueries {

  private final KafkaStreams streams;
  private final int topN;

  /**
   * @param topN how many tags a ranking holds, as the topology ranks them
   */
  public TrendingQueries(KafkaStreams streams, int topN) {
    this.streams = streams;
    this.topN = topN;
  }

  /** The ranking of one bucket, if this instance hosts it and it has tags. */
  public Optional<TrendingTags> trending(Granularity granularity, LocalDate bucketStart) {
    TrendingKey key = new TrendingKey(granularity.label(), granularity.bucketStart(bucketStart));
    return Optional.ofNullable(RankingMerge.ranking(key, rankings().get(key), topN));
  }

  /** The ranking of the most recent bucket of the granularity hosted here. */
  public Optional<TrendingTags> latest(Granularity granularity) {
    KeyValue<TrendingKey, RankingParts> latest = null;
    try (KeyValueIterator<TrendingKey, RankingParts> it = rankings().all()) {
      while (it.hasNext()) {
        KeyValue<TrendingKey, RankingParts> next = it.next();
        if (next.key.getGranularity().equals(granularity.label())
            && (latest == null || next.key.getBucketStart().isAfter(latest.key.getBucketStart()))) {
          latest = next;
        }
      }
    }
    return latest == null
        ? Optional.empty()
        : Optional.ofNullable(RankingMerge.ranking(latest.key, latest.value, topN));
  }

  /** Every ranking of the granularity hosted here, oldest bucket first. */
  public List<TrendingTags> all(Granularity granularity) {
    List<TrendingTags> all = new ArrayList<>();
    try (KeyValueIterator<TrendingKey, RankingParts> it = rankings().all()) {
      while (it.hasNext()) {
        KeyValue<TrendingKey, RankingParts> next = it.next();
        if (next.key.getGranularity().equals(granularity.label())) {
          TrendingTags ranking = RankingMerge.ranking(next.key, next.value, topN);
          if (ranking != null) {
            all.add(ranking);
          }
        }
      }
    }
    all.sort(Comparator.comparing(TrendingTags::getBucketStart));
    return all;
  }

  /** The exact count of one tag in one bucket; empty when no live paper has it there. */
  public Optional<TagCount> tagCount(String tag, Granularity granularity, LocalDate bucketStart) {
    CountKey key = new CountKey(granularity, tag, granularity.bucketStart(bucketStart));
    Count count = tagCounts().get(key.bytes());
    return count == null ? Optional.empty() : Optional.of(count.toTagCount(key));
  }

  /**
   * Counts of one tag over time, oldest bucket first: one prefix scan, since the store keeps a
   * tag's buckets adjacent and in time order. Only the instance owning the tag has any.
   */
  public List<TagCount> tagHistory(String tag, Granularity granularity) {
    List<TagCount> history = new ArrayList<>();
    try (KeyValueIterator<Bytes, Count> it =
        tagCounts().prefixScan(CountKey.tagPrefix(granularity, tag), new BytesSerializer())) {
      while (it.hasNext()) {
        KeyValue<Bytes, Count> next = it.next();
        history.add(next.value.toTagCount(CountKey.of(next.key)));
      }
    }
    return history;
  }

  /** The latest tagged version of a paper. */
  public Optional<TaggedPaper> paper(String id) {
    ReadOnlyKeyValueStore<String, TaggedPaper> papers =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                StoreNames.PAPER_TAGS, QueryableStoreTypes.<String, TaggedPaper>keyValueStore()));
    return Optional.ofNullable(papers.get(id));
  }

  private ReadOnlyKeyValueStore<TrendingKey, RankingParts> rankings() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            StoreNames.TRENDING_RANKINGS,
            QueryableStoreTypes.<TrendingKey, RankingParts>keyValueStore()));
  }

  private ReadOnlyKeyValueStore<Bytes, Count> tagCounts() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            StoreNames.BUCKET_COUNTS, QueryableStoreTypes.<Bytes, Count>keyValueStore()));
  }
}
