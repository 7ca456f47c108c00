package io.paperpulse.cli.reset;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.PaperPulseTopology;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.streams.topology.TopologySerdes;
import io.paperpulse.streams.topology.serde.BinaryAvroSerde;
import io.paperpulse.tagging.PaperTagger;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The streams application's topology, built for what a reset needs of it: the names of its topics
 * and stores, and a {@code KafkaStreams} to clean its local state with. Nothing is processed with
 * it.
 *
 * <p>Which nodes, topics and stores the graph has depends only on the topic names: the topology
 * settings change counts and partition numbers, the tagger and serdes are only handed to the
 * processors. So it is built with the default settings, the shipped taxonomy and plain Avro serdes,
 * and needs no schema registry, taxonomy file or the rest of the streams command's options.
 */
final class ApplicationTopology {

  private ApplicationTopology() {}

  static Topology build(TopicNames topics) {
    return PaperPulseTopology.build(
        new StreamsBuilder(),
        new PaperPulseStreamsConfig(Map.of()),
        topics,
        new PlainAvroSerdes(),
        PaperTagger.withDefaultTaxonomy());
  }

  /** Avro binary without the registry's wire format, which would need a registry client. */
  private static final class PlainAvroSerdes implements TopologySerdes {

    @Override
    public Serde<String> stringKey() {
      return Serdes.String();
    }

    @Override
    public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
      return new BinaryAvroSerde<>(type);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
      return new BinaryAvroSerde<>(type);
    }
  }
}
