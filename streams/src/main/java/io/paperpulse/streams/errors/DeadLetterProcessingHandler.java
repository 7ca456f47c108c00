package io.paperpulse.streams.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record an operator throws on is dead-lettered with the original source bytes, marked with the
 * {@link DeadLetterStage#PROCESSING} stage, and the application moves on: one bad record must not
 * stop the counts of all the others.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    return Response.resume(DeadLetterStage.PROCESSING.mark(response.deadLetterQueueRecords()));
  }
}
