package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for a generated Avro class in Confluent's wire format; reads older compatible data into the class. */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** Needs {@link #configure} with {@code schema.registry.url}. */
    public SpecificAvroSerde(Class<T> type) {
        this(type, null);
    }

    /** Shares the given client (and its caches); still call {@link #configure} to say key or value. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(type, client);
    }

    /** A serde on a shared client, configured with the default options. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> of(Class<T> type, SchemaRegistryClient client,
                                                                    boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, client);
        serde.configure(Map.of(), isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
