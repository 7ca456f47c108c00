package io.paperpulse.streams.papers;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's part of a bucket's top papers, read from the paper rank index of the papers tasks
 * it runs. Each instance holds the papers of its own partitions, so an answer for the whole bucket
 * merges the parts of every instance. Throws {@code InvalidStateStoreException} while the
 * application is not running or rebalancing, or while a local task rebuilds its ranks.
 */
public final class TopPapersQueries {

  private final Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> ranks;

  public TopPapersQueries(KafkaStreams streams) {
    this(
        () ->
            streams.store(
                StoreQueryParameters.fromNameAndType(
                    StoreNames.PAPER_RANKS, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())));
  }

  /** Reads the rank index from {@code ranks}, which gives the local tasks' stores as one. */
  TopPapersQueries(Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> ranks) {
    this.ranks = ranks;
  }

  /**
   * This instance's top {@code limit} papers of a bucket in rank order (rank 0), only those tagged
   * {@code tag} when given.
   */
  public List<TopPaper> bucket(
      Granularity granularity, LocalDate bucketStart, String tag, int limit) {
    ReadOnlyKeyValueStore<Bytes, byte[]> index = ranks.get();
    if (index.get(LocalTopPapers.REBUILDING) != null) {
      throw new InvalidStateStoreException("the paper ranks of a local task are being rebuilt");
    }
    List<TopPaper> papers = new ArrayList<>();
    Bytes prefix =
        TrendingStoreKeys.bucketPrefix(granularity, granularity.bucketStart(bucketStart));
    try (KeyValueIterator<Bytes, byte[]> it = index.prefixScan(prefix, new BytesSerializer())) {
      while (it.hasNext() && papers.size() < limit) {
        TopPaper paper = LocalTopPapers.entry(it.next().value);
        if (tag == null || paper.getTags().contains(tag)) {
          papers.add(paper);
        }
      }
    }
    return papers;
  }
}
