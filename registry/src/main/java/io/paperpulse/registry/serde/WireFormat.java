package io.paperpulse.registry.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's framing: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /**
   * Validates the header and returns the schema id; the Avro body starts at {@link #HEADER_SIZE}.
   */
  public static int schemaId(byte[] payload, String topic) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException(
          "too short for the Confluent wire format: "
              + payload.length
              + " bytes (need at least "
              + HEADER_SIZE
              + ") on topic "
              + topic);
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "unknown magic byte 0x%02x on topic %s (expected 0x00)", payload[0] & 0xff, topic));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  /** Writes the header into the first five bytes of {@code target}. */
  static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }
}
