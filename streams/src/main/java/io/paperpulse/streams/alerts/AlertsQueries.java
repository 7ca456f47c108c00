package io.paperpulse.streams.alerts;

import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's part of the alerts raised in a bucket, from the counting tasks it runs (alerts
 * live with the counts, partitioned by tag). Throws {@code InvalidStateStoreException} while the
 * application is not running or rebalancing.
 */
public final class AlertsQueries {

  private final KafkaStreams streams;

  public AlertsQueries(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The last alert raised for each tag in the bucket containing {@code day}. */
  public List<TrendAlert> bucket(Granularity granularity, LocalDate day) {
    List<TrendAlert> alerts = new ArrayList<>();
    Bytes prefix = TrendingStoreKeys.bucketPrefix(granularity, granularity.bucketStart(day));
    try (KeyValueIterator<Bytes, byte[]> it = store().prefixScan(prefix, new BytesSerializer())) {
      it.forEachRemaining(next -> alerts.add(TrendAlerts.alert(next.value)));
    }
    return alerts;
  }

  /** The last alert raised for each (granularity, bucket, tag) this instance holds. */
  public List<TrendAlert> all() {
    List<TrendAlert> alerts = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = store().all()) {
      it.forEachRemaining(next -> alerts.add(TrendAlerts.alert(next.value)));
    }
    return alerts;
  }

  /**
   * The most recent bucket of the granularity in which this instance holds an alert. A full scan:
   * the store holds only tags that were alerted, and the stores of several local tasks are read one
   * after the other, so no single seek finds the latest of all.
   */
  public Optional<LocalDate> latestBucket(Granularity granularity) {
    LocalDate latest = null;
    try (KeyValueIterator<Bytes, byte[]> it = store().all()) {
      while (it.hasNext()) {
        Bytes key = it.next().key;
        if (key.get()[0] == granularity.code()) {
          LocalDate bucket = TrendingStoreKeys.ranking(key).getBucketStart();
          latest = latest == null || bucket.isAfter(latest) ? bucket : latest;
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  private ReadOnlyKeyValueStore<Bytes, byte[]> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            StoreNames.TREND_ALERTS, QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
  }
}
