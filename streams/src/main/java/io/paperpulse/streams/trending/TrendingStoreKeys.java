package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.kafka.common.utils.Bytes;

/**
 * Order-preserving binary keys of the score index. Stores order keys by unsigned lexicographic byte
 * comparison, so every field is fixed-width big-endian with its sort order folded into the bits,
 * and the variable-length tag comes last. All keys of one bucket share the 5-byte prefix
 * (granularity, bucket start), which makes a bucket's ranking one prefix scan:
 *
 * <pre>
 * granularity (1) | bucket start (4) | score desc (8) | paper count desc (8) | upvote sum desc (8) | tag UTF-8 asc
 * </pre>
 *
 * <p>Internal to the index store, which has no changelog.
 */
public final class TrendingStoreKeys {

  private static final int BUCKET_PREFIX_BYTES = 1 + Integer.BYTES;
  private static final int FIXED_BYTES = BUCKET_PREFIX_BYTES + 3 * Long.BYTES;
  private static final TagKind[] KINDS = TagKind.values();

  private TrendingStoreKeys() {}

  /** (granularity, bucket): the prefix shared by every key of one bucket. */
  public static Bytes bucketPrefix(Granularity granularity, LocalDate bucketStart) {
    return Bytes.wrap(bucket(granularity, bucketStart, 0).array());
  }

  /** The prefix of the bucket an index key or bucket prefix belongs to. */
  public static Bytes bucketPrefix(Bytes key) {
    byte[] bytes = key.get();
    return bytes.length == BUCKET_PREFIX_BYTES
        ? key
        : Bytes.wrap(java.util.Arrays.copyOf(bytes, BUCKET_PREFIX_BYTES));
  }

  /** The ranking a bucket prefix (or an index key) stands for. */
  public static TrendingKey ranking(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.get());
    Granularity granularity = Granularity.fromCode(buffer.get());
    return new TrendingKey(
        granularity.label(), LocalDate.ofEpochDay(buffer.getInt() ^ Integer.MIN_VALUE));
  }

  /**
   * The index key of a scored entry: ascending key order is ranking order, ties broken by tag name.
   */
  public static Bytes indexKey(Granularity granularity, LocalDate bucketStart, TrendingTag entry) {
    byte[] name = entry.getTag().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        bucket(granularity, bucketStart, 3 * Long.BYTES + name.length)
            .putLong(~sortableDouble(entry.getScore()))
            .putLong(~sortableLong(entry.getPaperCount()))
            .putLong(~sortableLong(entry.getUpvoteSum()))
            .put(name)
            .array());
  }

  /** The index value: the entry's kind, the one field its key does not hold. */
  public static byte[] indexValue(TrendingTag entry) {
    return new byte[] {(byte) entry.getKind().ordinal()};
  }

  /** The entry an index key and value stand for, rank 0. */
  public static TrendingTag entry(Bytes key, byte[] value) {
    ByteBuffer buffer =
        ByteBuffer.wrap(key.get(), BUCKET_PREFIX_BYTES, key.get().length - BUCKET_PREFIX_BYTES);
    double score = fromSortableDouble(~buffer.getLong());
    long papers = ~buffer.getLong() ^ Long.MIN_VALUE;
    long upvotes = ~buffer.getLong() ^ Long.MIN_VALUE;
    String tag =
        new String(key.get(), FIXED_BYTES, key.get().length - FIXED_BYTES, StandardCharsets.UTF_8);
    return new TrendingTag(tag, KINDS[value[0]], papers, upvotes, score, 0);
  }

  private static ByteBuffer bucket(Granularity granularity, LocalDate bucketStart, int extra) {
    return ByteBuffer.allocate(BUCKET_PREFIX_BYTES + extra)
        .put(granularity.code())
        .putInt((int) bucketStart.toEpochDay() ^ Integer.MIN_VALUE);
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

  private static double fromSortableDouble(long sortable) {
    return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
  }
}
