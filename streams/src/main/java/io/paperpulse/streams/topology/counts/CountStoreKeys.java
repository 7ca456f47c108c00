package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.kafka.common.utils.Bytes;

/**
 * Binary keys of the tag-counts store: (granularity, tag, bucket start), ordered so that all
 * buckets of one tag and granularity are adjacent and in time order. A trend score's window of
 * buckets is then one range read, and a tag's history one prefix scan. Encoding and decoding are
 * plain byte copies, far cheaper than the registry serde on every store access.
 *
 * <pre>granularity ordinal (1 byte) | tag length (4 bytes) | tag UTF-8 | bucket epoch day, sign flipped (4 bytes)</pre>
 *
 * <p>Internal to the store and its changelog; the tag-counts topic keys are Avro {@code TagCountKey}.
 */
public final class CountStoreKeys {

  private static final int FIXED_BYTES = 1 + Integer.BYTES + Integer.BYTES;

  private CountStoreKeys() {}

  public static Bytes of(Granularity granularity, String tag, LocalDate bucketStart) {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(FIXED_BYTES + name.length);
    buffer.put((byte) granularity.ordinal()).putInt(name.length).put(name);
    buffer.putInt((int) bucketStart.toEpochDay() ^ Integer.MIN_VALUE);
    return Bytes.wrap(buffer.array());
  }

  /** The prefix shared by every bucket of one tag in one granularity. */
  public static Bytes tagPrefix(Granularity granularity, String tag) {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(1 + Integer.BYTES + name.length);
    buffer.put((byte) granularity.ordinal()).putInt(name.length).put(name);
    return Bytes.wrap(buffer.array());
  }

  public static TagCountKey decode(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.get());
    Granularity granularity = Granularity.values()[buffer.get()];
    byte[] name = new byte[buffer.getInt()];
    buffer.get(name);
    LocalDate bucketStart = LocalDate.ofEpochDay(buffer.getInt() ^ Integer.MIN_VALUE);
    return new TagCountKey(new String(name, StandardCharsets.UTF_8), granularity.label(), bucketStart);
  }
}
