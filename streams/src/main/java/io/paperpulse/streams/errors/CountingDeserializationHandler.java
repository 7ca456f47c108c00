package io.paperpulse.streams.errors;

import io.paperpulse.streams.metrics.PipelineMetrics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The dead-lettering handler for undecodable records ({@link DeadLetterDeserializationHandler}),
 * reporting each failure to the pipeline metrics. Kafka Streams creates the handler itself, so the
 * metrics object arrives through the configuration under {@link #METRICS_CONFIG}; without it the
 * handler only logs.
 */
public final class CountingDeserializationHandler extends DeadLetterDeserializationHandler {

  /** Configuration key holding the {@link PipelineMetrics} instance (an object, not a string). */
  public static final String METRICS_CONFIG = "paperpulse.pipeline.metrics";

  /** Reason and stage reported for records that cannot be decoded. */
  public static final String REASON = DeadLetterStage.DESERIALIZATION.label();

  private PipelineMetrics metrics = PipelineMetrics.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics configured) {
      metrics = configured;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    metrics.invalidRecord(REASON);
    if (!response.deadLetterQueueRecords().isEmpty()) {
      metrics.deadLettered(REASON);
    }
    return response;
  }
}
