package io.paperpulse.streams.topology.intake;

import io.paperpulse.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a rejection back into the original bytes, with the error details as headers. */
public final class DeadLetterProcessor implements Processor<String, PaperIntake, byte[], byte[]> {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessor.class);

  private final PipelineMetrics metrics;
  private ProcessorContext<byte[], byte[]> context;

  public DeadLetterProcessor(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, PaperIntake> record) {
    if (!(record.value() instanceof PaperIntake.Rejected rejected)) {
      return;
    }
    DeadLetter letter = rejected.deadLetter();
    log.warn(
        "dead-lettering {}-{}@{}: {}",
        letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset(), letter.message());
    context.forward(new Record<>(letter.rawKey(), letter.rawValue(), record.timestamp(), letter.headers()));
    metrics.deadLettered(letter.stage());
  }
}
