package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.kafka.common.utils.Bytes;

/**
 * A key of the counting store: one tag in one bucket of one granularity.
 *
 * <p>Its bytes are ordered so that all buckets of one tag and granularity are adjacent and in time
 * order: a tag's history is one prefix scan, and a scan of the whole store meets each tag's buckets
 * oldest first, which is what rebuilding the scores needs. Encoding is a plain byte copy:
 *
 * <pre>
 * granularity code (1 byte) | tag length (4 bytes) | tag UTF-8 | bucket epoch day, sign flipped (4 bytes)
 * </pre>
 *
 * <p>Internal to the store and its changelog; the tag-counts topic keys are Avro {@code
 * TagCountKey}.
 */
public record CountKey(Granularity granularity, String tag, LocalDate bucketStart) {

  public Bytes bytes() {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        prefix(granularity, name, Integer.BYTES).putInt(sortable(bucketStart)).array());
  }

  public static CountKey of(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.get());
    Granularity granularity = Granularity.fromCode(buffer.get());
    byte[] name = new byte[buffer.getInt()];
    buffer.get(name);
    return new CountKey(
        granularity,
        new String(name, StandardCharsets.UTF_8),
        LocalDate.ofEpochDay(buffer.getInt() ^ Integer.MIN_VALUE));
  }

  /** The prefix shared by every bucket of one tag in one granularity. */
  public static Bytes tagPrefix(Granularity granularity, String tag) {
    return Bytes.wrap(prefix(granularity, tag.getBytes(StandardCharsets.UTF_8), 0).array());
  }

  /**
   * The series whose {@link #tagPrefix} {@code prefix} is, or null when it is no such prefix (a
   * prefix of a tag's name, say, or a whole key).
   */
  public static TagSeries seriesOfPrefix(Bytes prefix) {
    byte[] bytes = prefix.get();
    if (bytes.length < 1 + Integer.BYTES || !Granularity.isCode(bytes[0])) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    Granularity granularity = Granularity.fromCode(buffer.get());
    int length = buffer.getInt();
    if (length != buffer.remaining()) {
      return null;
    }
    return new TagSeries(
        granularity, new String(bytes, 1 + Integer.BYTES, length, StandardCharsets.UTF_8));
  }

  /** The series this count belongs to. */
  public TagSeries series() {
    return new TagSeries(granularity, tag);
  }

  /** The same tag in the bucket {@code steps} buckets later (earlier when negative). */
  public CountKey shifted(int steps) {
    LocalDate start = bucketStart;
    for (int i = 0; i < steps; i++) {
      start = granularity.next(start);
    }
    for (int i = 0; i > steps; i--) {
      start = granularity.previous(start);
    }
    return new CountKey(granularity, tag, start);
  }

  public TagCountKey toAvro() {
    return new TagCountKey(tag, granularity.label(), bucketStart);
  }

  private static ByteBuffer prefix(Granularity granularity, byte[] name, int extra) {
    return ByteBuffer.allocate(1 + Integer.BYTES + name.length + extra)
        .put(granularity.code())
        .putInt(name.length)
        .put(name);
  }

  private static int sortable(LocalDate day) {
    return (int) day.toEpochDay() ^ Integer.MIN_VALUE;
  }
}
