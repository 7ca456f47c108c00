package io.paperpulse.streams.errors;

import io.paperpulse.streams.topology.intake.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output records that can never be written, because they are too large for the topic or cannot be
 * serialized, are replaced by a dead letter carrying the source record's original bytes and the
 * {@link DeadLetterStage#PRODUCTION} stage. Other send errors keep Kafka Streams' default
 * behaviour: retriable ones are retried, the rest stop the application, since they concern the
 * cluster (authorization, fencing) rather than one record; the record that met a fatal error is
 * still dead-lettered, as Kafka Streams does by default.
 */
public class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException) {
      return Response.resume(deadLetter(context, record.topic(), exception));
    }
    Response decided = super.handleError(context, record, exception);
    // Kafka's default already dead-letters a record it gives up on; it only lacks the stage.
    return decided.result() == Result.FAIL
        ? Response.fail(DeadLetterStage.PRODUCTION.mark(decided.deadLetterQueueRecords()))
        : decided;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    return Response.resume(deadLetter(context, record.topic(), exception));
  }

  private List<ProducerRecord<byte[], byte[]>> deadLetter(
      ErrorHandlerContext context, String outputTopic, Exception exception) {
    log.warn(
        "cannot write a record to {} for source {}-{}@{}: {}",
        outputTopic,
        context.topic(),
        context.partition(),
        context.offset(),
        exception.toString());
    if (deadLetterTopic == null) {
      return List.of();
    }
    DeadLetter letter =
        new DeadLetter(
            context.sourceRawKey(),
            context.sourceRawValue(),
            exception.getClass().getName(),
            "cannot write to " + outputTopic + ": " + exception.getMessage(),
            DeadLetterStage.PRODUCTION.label(),
            context.topic(),
            context.partition(),
            context.offset());
    return List.of(
        new ProducerRecord<>(
            deadLetterTopic, null, letter.rawKey(), letter.rawValue(), letter.headers()));
  }
}
