package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A String as an Avro {@code "string"} in Confluent's wire format, byte for byte what Confluent's
 * KafkaAvroSerializer writes for a java.lang.String (used for paper-id keys). Registers {@code "string"}
 * under {@code <topic>-key} or {@code <topic>-value}.
 */
public class StringAvroSerde implements Serde<String> {

    private final AvroSerializer<String> serializer;
    private final AvroDeserializer<String> deserializer;

    public StringAvroSerde() {
        this(null);
    }

    public StringAvroSerde(SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client, Schema.create(Schema.Type.STRING), GenericData.get(),
                "an Avro string");
    }

    public static StringAvroSerde of(SchemaRegistryClient client, boolean isKey) {
        StringAvroSerde serde = new StringAvroSerde(client);
        serde.configure(Map.of(), isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<String> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<String> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
