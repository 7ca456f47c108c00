package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Order-preserving binary keys of the trending stores. Stores order keys by unsigned
 * lexicographic byte comparison, so every field is fixed-width big-endian with its sort order
 * folded into the bits, and the variable-length tag comes last. All keys of one bucket share the
 * 5-byte prefix (granularity, bucket start), which makes a bucket a single range scan.
 *
 * <p>These keys are internal to the ranking stores and their changelogs; public topics use Avro.
 */
public final class TrendingStoreKeys {

  private static final int BUCKET_PREFIX_BYTES = 1 + Integer.BYTES;

  private TrendingStoreKeys() {}

  /** (granularity, bucket): the prefix shared by every key of one bucket. */
  public static Bytes bucketPrefix(Granularity granularity, LocalDate bucketStart) {
    return Bytes.wrap(bucket(granularity, bucketStart, 0).array());
  }

  /** (granularity, bucket, tag): a tag's count or ranked entry in one bucket. */
  public static Bytes tagKey(Granularity granularity, LocalDate bucketStart, String tag) {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(bucket(granularity, bucketStart, name.length).put(name).array());
  }

  /**
   * (granularity, bucket, score desc, paper count desc, upvote sum desc, tag asc): ascending key
   * order is ranking order, ties broken deterministically by the tag name.
   */
  public static Bytes indexKey(Granularity granularity, LocalDate bucketStart, TrendingTag entry) {
    byte[] name = entry.getTag().getBytes(StandardCharsets.UTF_8);
    return index(bucket(granularity, bucketStart, 3 * Long.BYTES + name.length), entry, name);
  }

  /** The index key of {@code entry}, stored under {@code tagKey} (see {@link #tagKey}). */
  public static Bytes indexKey(Bytes tagKey, TrendingTag entry) {
    byte[] key = tagKey.get();
    ByteBuffer buffer = ByteBuffer.allocate(key.length + 3 * Long.BYTES);
    buffer.put(key, 0, BUCKET_PREFIX_BYTES);
    return index(buffer, entry, Arrays.copyOfRange(key, BUCKET_PREFIX_BYTES, key.length));
  }

  private static Bytes index(ByteBuffer bucketPrefix, TrendingTag entry, byte[] name) {
    bucketPrefix.putLong(~sortableDouble(entry.getScore()));
    bucketPrefix.putLong(~sortableLong(entry.getPaperCount()));
    bucketPrefix.putLong(~sortableLong(entry.getUpvoteSum()));
    bucketPrefix.put(name);
    return Bytes.wrap(bucketPrefix.array());
  }

  private static ByteBuffer bucket(Granularity granularity, LocalDate bucketStart, int extra) {
    ByteBuffer buffer = ByteBuffer.allocate(BUCKET_PREFIX_BYTES + extra);
    buffer.put((byte) granularity.ordinal());
    buffer.putInt((int) bucketStart.toEpochDay() ^ Integer.MIN_VALUE);
    return buffer;
  }

  // Signed values compare as unsigned bytes once the sign bit is flipped.
  private static long sortableLong(long value) {
    return value ^ Long.MIN_VALUE;
  }

  // IEEE doubles: flip all bits of negatives, only the sign bit of positives.
  private static long sortableDouble(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }
}
