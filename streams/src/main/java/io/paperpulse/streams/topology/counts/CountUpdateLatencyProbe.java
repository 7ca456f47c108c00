package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes tag-count changes through unchanged and reports how long after the paper record they
 * happened. A count change carries the timestamp of the paper record that caused it (Kafka Streams
 * propagates record timestamps through repartitions and aggregations), so wall-clock now minus that
 * timestamp is the end-to-end latency, including the commit interval and caching.
 */
public final class CountUpdateLatencyProbe
    implements FixedKeyProcessor<TagCountKey, TagCount, TagCount> {

  private final PipelineMetrics metrics;
  private FixedKeyProcessorContext<TagCountKey, TagCount> context;

  public CountUpdateLatencyProbe(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<TagCountKey, TagCount> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<TagCountKey, TagCount> record) {
    metrics.countUpdated(context.currentSystemTimeMs() - record.timestamp());
    context.forward(record);
  }
}
