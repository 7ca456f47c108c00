package io.paperpulse.streams.topology.intake;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a serde so that reading keeps the raw bytes next to the decoded object. Decoding failures
 * still throw from {@link #deserializer()}: that is what routes corrupt records to Kafka Streams'
 * built-in dead-letter queue through the deserialization exception handler.
 */
public final class DecodedSerde<T> implements Serde<Decoded<T>> {

  private final Serde<T> inner;

  public DecodedSerde(Serde<T> inner) {
    this.inner = inner;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  @Override
  public Serializer<Decoded<T>> serializer() {
    Serializer<T> serializer = inner.serializer();
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, Decoded<T> data) {
        return data == null ? null : serializer.serialize(topic, data.value());
      }

      @Override
      public byte[] serialize(String topic, Headers headers, Decoded<T> data) {
        return data == null ? null : serializer.serialize(topic, headers, data.value());
      }
    };
  }

  @Override
  public Deserializer<Decoded<T>> deserializer() {
    Deserializer<T> deserializer = inner.deserializer();
    return new Deserializer<>() {
      @Override
      public Decoded<T> deserialize(String topic, byte[] data) {
        return data == null
            ? new Decoded<>(null, null)
            : new Decoded<>(deserializer.deserialize(topic, data), data);
      }

      @Override
      public Decoded<T> deserialize(String topic, Headers headers, byte[] data) {
        return data == null
            ? new Decoded<>(null, null)
            : new Decoded<>(deserializer.deserialize(topic, headers, data), data);
      }
    };
  }
}
