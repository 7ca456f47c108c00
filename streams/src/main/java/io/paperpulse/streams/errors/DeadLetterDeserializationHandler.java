package io.paperpulse.streams.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Bytes that do not decode (not Confluent framed, unknown schema id, corrupt Avro) go to the
 * dead-letter topic through Kafka Streams' own DLQ support (KIP-1034), marked with the {@link
 * DeadLetterStage#DESERIALIZATION} stage; processing continues with the next record.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    return Response.resume(DeadLetterStage.DESERIALIZATION.mark(response.deadLetterQueueRecords()));
  }
}
