package io.paperpulse.streams.topology.output;

import io.paperpulse.streams.metrics.PipelineMetrics;
import io.paperpulse.streams.topology.intake.DeadLetterProcessor;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Writes a stream to an output topic through an {@link OutputSizeGuard}: records that fit go to the
 * topic, the others to the dead-letter topic. Node names derive from {@code name}; the sink keeps
 * the name {@code <name>-sink}.
 */
public final class GuardedSink {

  private final String deadLetterTopic;
  private final int maxRecordBytes;
  private final PipelineMetrics metrics;

  public GuardedSink(String deadLetterTopic, int maxRecordBytes, PipelineMetrics metrics) {
    this.deadLetterTopic = deadLetterTopic;
    this.maxRecordBytes = maxRecordBytes;
    this.metrics = metrics;
  }

  public <K, V> void to(
      KStream<K, V> stream, String name, String topic, Serde<K> keySerde, Serde<V> valueSerde) {
    Map<String, KStream<byte[], SinkOutput>> routes =
        stream
            .process(
                () ->
                    new OutputSizeGuard<>(
                        topic, keySerde.serializer(), valueSerde.serializer(), maxRecordBytes),
                Named.as(name + "-size-check"))
            .split(Named.as(name + "-output-"))
            .branch((key, output) -> output instanceof SinkOutput.Writable, Branched.as("writable"))
            .defaultBranch(Branched.as("unwritable"));

    routes
        .get(name + "-output-writable")
        .mapValues(output -> ((SinkOutput.Writable) output).value(), Named.as(name + "-bytes"))
        .to(topic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-sink"));

    routes
        .get(name + "-output-unwritable")
        .process(() -> new DeadLetterProcessor<>(metrics), Named.as(name + "-dead-letter"))
        .to(
            deadLetterTopic,
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName(name + "-dead-letter-sink"));
  }
}
