package io.paperpulse.streams.topology.counts;

import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;

/** One tag in one granularity: the buckets whose counts make up a trend score and its baseline. */
public record TagSeries(Granularity granularity, String tag) {

  /** The count key of this series in the bucket starting on {@code bucketStart}. */
  public CountKey key(LocalDate bucketStart) {
    return new CountKey(granularity, tag, bucketStart);
  }
}
