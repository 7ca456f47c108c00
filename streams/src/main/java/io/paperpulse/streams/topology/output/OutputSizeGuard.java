package io.paperpulse.streams.topology.output;

import io.paperpulse.streams.errors.DeadLetterStage;
import io.paperpulse.streams.topology.intake.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Serializes an output record before its sink and checks it against the size the topic accepts.
 *
 * <p>Why not leave it to the production exception handler: the broker's rejection of a too-large
 * record arrives asynchronously, after the transactional producer has entered an error state, so
 * under exactly-once the dead letter could not be sent and the application stopped. Checking here,
 * synchronously, turns the record into a dead letter (stage {@code production}) inside the running
 * transaction; the sink then writes the bytes computed here, so nothing is serialized twice.
 */
public final class OutputSizeGuard<K, V> implements Processor<K, V, byte[], SinkOutput> {

  /**
   * Upper bound of what a record adds around its key, value and headers when written alone: the
   * record batch header (61 bytes) plus the record's own length, attributes, delta and count
   * varints (at most 21 bytes).
   */
  static final int RECORD_OVERHEAD_BYTES = 61 + 21;

  /** Upper bound of one header's framing (two varint lengths). */
  private static final int HEADER_OVERHEAD_BYTES = 10;

  private final String topic;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private final int maxRecordBytes;
  private ProcessorContext<byte[], SinkOutput> context;

  public OutputSizeGuard(
      String topic,
      Serializer<K> keySerializer,
      Serializer<V> valueSerializer,
      int maxRecordBytes) {
    this.topic = topic;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public void init(ProcessorContext<byte[], SinkOutput> context) {
    this.context = context;
  }

  @Override
  public void process(Record<K, V> record) {
    byte[] key;
    try {
      key = keySerializer.serialize(topic, record.headers(), record.key());
    } catch (SerializationException e) {
      forward(
          record,
          null,
          unwritable(
              null,
              e.getClass().getName(),
              "cannot serialize the key for " + topic + ": " + e.getMessage()));
      return;
    }
    byte[] value;
    try {
      value = valueSerializer.serialize(topic, record.headers(), record.value());
    } catch (SerializationException e) {
      forward(
          record,
          key,
          unwritable(
              key,
              e.getClass().getName(),
              "cannot serialize the value for " + topic + ": " + e.getMessage()));
      return;
    }
    long size = estimatedSize(key, value, record.headers());
    if (size > maxRecordBytes) {
      // the value is what does not fit, so the letter keeps the key and the source coordinates only
      forward(
          record,
          key,
          unwritable(
              key,
              RecordTooLargeException.class.getName(),
              String.format(
                  "record of about %,d bytes for %s exceeds the limit of %,d bytes",
                  size, topic, maxRecordBytes)));
      return;
    }
    forward(record, key, new SinkOutput.Writable(value));
  }

  static long estimatedSize(byte[] key, byte[] value, Headers headers) {
    long size = RECORD_OVERHEAD_BYTES + length(key) + length(value);
    for (Header header : headers) {
      size +=
          HEADER_OVERHEAD_BYTES
              + header.key().getBytes(StandardCharsets.UTF_8).length
              + length(header.value());
    }
    return size;
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private void forward(Record<K, V> record, byte[] key, SinkOutput output) {
    context.forward(new Record<>(key, output, record.timestamp(), record.headers()));
  }

  private SinkOutput unwritable(byte[] key, String errorClass, String message) {
    Optional<RecordMetadata> source = context.recordMetadata();
    return new SinkOutput.Unwritable(
        new DeadLetter(
            key,
            null,
            errorClass,
            message,
            DeadLetterStage.PRODUCTION.label(),
            source.map(RecordMetadata::topic).orElse(null),
            source.map(RecordMetadata::partition).orElse(-1),
            source.map(RecordMetadata::offset).orElse(-1L)));
  }
}
