package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The binary key of a bucket: granularity (1 byte) and bucket start (4 bytes, the epoch day with
 * its sign flipped, so that keys in unsigned byte order are in time order). It keys the ranking
 * parts a task last published and is the prefix of the paper ranks' keys ({@code
 * papers.PaperRankKeys}), so a bucket's entries there are one prefix scan. Internal to the
 * application's stores.
 */
public final class TrendingStoreKeys {

  private static final int BUCKET_PREFIX_BYTES = 1 + Integer.BYTES;

  private TrendingStoreKeys() {}

  /** (granularity, bucket): the prefix shared by every key of one bucket. */
  public static Bytes bucketPrefix(Granularity granularity, LocalDate bucketStart) {
    return Bytes.wrap(
        ByteBuffer.allocate(BUCKET_PREFIX_BYTES)
            .put(granularity.code())
            .putInt((int) bucketStart.toEpochDay() ^ Integer.MIN_VALUE)
            .array());
  }

  /** The prefix of the bucket a key that starts with one belongs to. */
  public static Bytes bucketPrefix(Bytes key) {
    byte[] bytes = key.get();
    return bytes.length == BUCKET_PREFIX_BYTES
        ? key
        : Bytes.wrap(Arrays.copyOf(bytes, BUCKET_PREFIX_BYTES));
  }

  /** The ranking a bucket prefix (or a key that starts with one) stands for. */
  public static TrendingKey ranking(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.get());
    Granularity granularity = Granularity.fromCode(buffer.get());
    return new TrendingKey(
        granularity.label(), LocalDate.ofEpochDay(buffer.getInt() ^ Integer.MIN_VALUE));
  }
}
