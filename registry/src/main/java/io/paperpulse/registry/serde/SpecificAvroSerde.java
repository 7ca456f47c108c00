package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Serde for a generated Avro class in Confluent's wire format; reads older compatible data into the
 * class.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends WireFormatSerde<T> {

  /** Needs {@link #configure} with {@code schema.registry.url}. */
  public SpecificAvroSerde(Class<T> type) {
    this(type, null);
  }

  /**
   * Shares the given client (and its caches); still call {@link #configure} to say key or value.
   */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    super(new AvroSerializer<>(client), new AvroDeserializer<>(type, client));
  }

  /** A serde on a shared client, configured with the default options. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> of(
      Class<T> type, SchemaRegistryClient client, boolean isKey) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, client);
    serde.configure(Map.of(), isKey);
    return serde;
  }
}
