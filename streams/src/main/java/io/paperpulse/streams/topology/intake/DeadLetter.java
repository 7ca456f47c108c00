package io.paperpulse.streams.topology.intake;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record that could not be processed: its original bytes plus why and where it failed.
 *
 * <p>The header names are the ones Kafka Streams' built-in dead-letter queue writes for
 * deserialization failures, so consumers of {@code papers-dlq} read one format whatever the stage;
 * {@link #HEADER_STAGE} is added to tell the stages apart.
 */
public record DeadLetter(
    byte[] rawKey,
    byte[] rawValue,
    String errorClass,
    String message,
    String stage,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset) {

  public static final String HEADER_EXCEPTION = "__streams.errors.exception";
  public static final String HEADER_MESSAGE = "__streams.errors.message";
  public static final String HEADER_TOPIC = "__streams.errors.topic";
  public static final String HEADER_PARTITION = "__streams.errors.partition";
  public static final String HEADER_OFFSET = "__streams.errors.offset";
  public static final String HEADER_STAGE = "paperpulse.errors.stage";

  /** A value travelling through the topology that stands for a dead letter. */
  public interface Carrier {
    DeadLetter deadLetter();
  }

  /** The error details as record headers, values UTF-8 text. */
  public Headers headers() {
    Headers headers = new RecordHeaders();
    headers.add(HEADER_EXCEPTION, utf8(errorClass));
    headers.add(HEADER_MESSAGE, utf8(message));
    headers.add(HEADER_STAGE, utf8(stage));
    headers.add(HEADER_TOPIC, utf8(sourceTopic));
    headers.add(HEADER_PARTITION, utf8(Integer.toString(sourcePartition)));
    headers.add(HEADER_OFFSET, utf8(Long.toString(sourceOffset)));
    return headers;
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
