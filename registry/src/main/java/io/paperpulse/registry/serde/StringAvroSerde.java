package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A String as an Avro {@code "string"} in Confluent's wire format, byte for byte what Confluent's
 * KafkaAvroSerializer writes for a java.lang.String (used for paper-id keys). Registers {@code
 * "string"} under {@code <topic>-key} or {@code <topic>-value}.
 */
public class StringAvroSerde extends WireFormatSerde<String> {

  public StringAvroSerde() {
    this(null);
  }

  public StringAvroSerde(SchemaRegistryClient client) {
    super(
        new AvroSerializer<>(client),
        new AvroDeserializer<>(
            client, Schema.create(Schema.Type.STRING), GenericData.get(), "an Avro string"));
  }

  public static StringAvroSerde of(SchemaRegistryClient client, boolean isKey) {
    StringAvroSerde serde = new StringAvroSerde(client);
    serde.configure(Map.of(), isKey);
    return serde;
  }
}
