package io.paperpulse.streams.topology.intake;

import io.paperpulse.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a rejection (any {@link DeadLetter.Carrier}) back into the original bytes, with the error
 * details as headers; other values pass nothing on.
 */
public final class DeadLetterProcessor<K, V> implements Processor<K, V, byte[], byte[]> {

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
  public void process(Record<K, V> record) {
    if (!(record.value() instanceof DeadLetter.Carrier rejected)) {
      return;
    }
    DeadLetter letter = rejected.deadLetter();
    log.warn(
        "dead-lettering {}-{}@{}: {}",
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        letter.message());
    context.forward(
        new Record<>(letter.rawKey(), letter.rawValue(), record.timestamp(), letter.headers()));
    metrics.deadLettered(letter.stage());
  }
}
