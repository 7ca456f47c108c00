package io.paperpulse.streams.topology;

import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Confluent wire-format Avro serdes on one shared registry client, so every topic and store of the
 * application reuses one schema cache.
 */
public final class RegistryTopologySerdes implements TopologySerdes {

  private final SchemaRegistryClient client;

  public RegistryTopologySerdes(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public Serde<String> stringKey() {
    return StringAvroSerde.of(client, true);
  }

  @Override
  public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
    return SpecificAvroSerde.of(type, client, true);
  }

  @Override
  public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
    return SpecificAvroSerde.of(type, client, false);
  }
}
