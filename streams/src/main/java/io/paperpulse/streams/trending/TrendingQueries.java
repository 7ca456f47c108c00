package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.topology.counts.CountStoreKeys;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Read access to this instance's state stores (interactive queries). With several instances
 * each one answers for the keys it hosts; finding the owner of a key is the caller's job
 * ({@code KafkaStreams#queryMetadataForKey}). Throws {@code InvalidStateStoreException} while the
 * application is not yet running or rebalancing.
 */
public final class TrendingQueries {

  private final KafkaStreams streams;

  public TrendingQueries(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The ranking of one bucket, if this instance hosts it and it has tags. */
  public Optional<TrendingTags> trending(Granularity granularity, LocalDate bucketStart) {
    return Optional.ofNullable(rankings().get(new TrendingKey(granularity.label(), granularity.bucketStart(bucketStart))));
  }

  /** The ranking of the most recent bucket of the granularity hosted here. */
  public Optional<TrendingTags> latest(Granularity granularity) {
    TrendingTags latest = null;
    try (KeyValueIterator<TrendingKey, TrendingTags> it = rankings().all()) {
      while (it.hasNext()) {
        KeyValue<TrendingKey, TrendingTags> next = it.next();
        if (next.key.getGranularity().equals(granularity.label())
            && (latest == null || next.key.getBucketStart().isAfter(latest.getBucketStart()))) {
          latest = next.value;
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The exact count of one tag in one bucket; empty when no live paper has it there. */
  public Optional<TagCount> tagCount(String tag, Granularity granularity, LocalDate bucketStart) {
    TagCount count = tagCounts().get(CountStoreKeys.of(granularity, tag, granularity.bucketStart(bucketStart)));
    return count == null || count.getPaperCount() == 0 ? Optional.empty() : Optional.of(count);
  }

  /**
   * Counts of one tag over time, oldest bucket first: one prefix scan, since the store keeps a
   * tag's buckets adjacent and in time order. Only the instance owning the tag has any.
   */
  public List<TagCount> tagHistory(String tag, Granularity granularity) {
    List<TagCount> history = new ArrayList<>();
    try (KeyValueIterator<Bytes, TagCount> it =
        tagCounts().prefixScan(CountStoreKeys.tagPrefix(granularity, tag), new BytesSerializer())) {
      while (it.hasNext()) {
        TagCount count = it.next().value;
        if (count.getPaperCount() > 0) {
          history.add(count);
        }
      }
    }
    return history;
  }

  /** The latest tagged version of a paper. */
  public Optional<TaggedPaper> paper(String id) {
    ReadOnlyKeyValueStore<String, TaggedPaper> papers = streams.store(
        StoreQueryParameters.fromNameAndType(StoreNames.PAPER_TAGS, QueryableStoreTypes.<String, TaggedPaper>keyValueStore()));
    return Optional.ofNullable(papers.get(id));
  }

  private ReadOnlyKeyValueStore<TrendingKey, TrendingTags> rankings() {
    return streams.store(StoreQueryParameters.fromNameAndType(
        StoreNames.TRENDING_TAGS, QueryableStoreTypes.<TrendingKey, TrendingTags>keyValueStore()));
  }

  private ReadOnlyKeyValueStore<Bytes, TagCount> tagCounts() {
    return streams.store(StoreQueryParameters.fromNameAndType(
        StoreNames.TAG_COUNTS, QueryableStoreTypes.<Bytes, TagCount>keyValueStore()));
  }
}
