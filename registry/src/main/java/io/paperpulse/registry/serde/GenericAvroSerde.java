package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Serde for generic records in Confluent's wire format; records come back in their writer's schema.
 * For primitive keys or values use {@link AvroSerializer}/{@link AvroDeserializer} directly, or
 * {@link StringAvroSerde}.
 */
public class GenericAvroSerde extends WireFormatSerde<GenericRecord> {

  public GenericAvroSerde() {
    this(null);
  }

  public GenericAvroSerde(SchemaRegistryClient client) {
    super(new AvroSerializer<>(client), new AvroDeserializer<>(client));
  }

  public static GenericAvroSerde of(SchemaRegistryClient client, boolean isKey) {
    GenericAvroSerde serde = new GenericAvroSerde(client);
    serde.configure(Map.of(), isKey);
    return serde;
  }
}
