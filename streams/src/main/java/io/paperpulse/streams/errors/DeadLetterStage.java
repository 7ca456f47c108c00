package io.paperpulse.streams.errors;

import io.paperpulse.streams.topology.intake.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where a record failed on its way through the application, written to the {@link
 * DeadLetter#HEADER_STAGE} header of its dead letter so that {@code papers-dlq} can be triaged
 * without reading stack traces.
 */
public enum DeadLetterStage {
  /** The key or value bytes are not a decodable Confluent-framed Avro record. */
  DESERIALIZATION,
  /**
   * The paper decoded but breaks a business rule (empty title, implausible date, huge abstract).
   */
  VALIDATION,
  /** An operator threw while handling the record. */
  PROCESSING,
  /** An output record could not be serialized or written (for instance too large for the topic). */
  PRODUCTION;

  /** The header value: the lower-case stage name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Adds this stage's header to dead letters built by Kafka Streams, which carry no stage of their
   * own.
   */
  public List<ProducerRecord<byte[], byte[]>> mark(
      List<ProducerRecord<byte[], byte[]>> deadLetters) {
    for (ProducerRecord<byte[], byte[]> letter : deadLetters) {
      letter.headers().remove(DeadLetter.HEADER_STAGE);
      letter.headers().add(DeadLetter.HEADER_STAGE, label().getBytes(StandardCharsets.UTF_8));
    }
    return deadLetters;
  }
}
