package io.paperpulse.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import io.paperpulse.registry.testing.SamplePapers;
import io.paperpulse.schema.PaperEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated payloads (random bytes, truncations, flipped bits and bytes, wrong
 * schema ids, inflated lengths) through every kind of deserializer: each either decodes or throws a
 * {@link SerializationException} with a message; no other exception type, no error, no hang.
 */
class MutatedPayloadTest {

  private static final long SEED = 20_241_211L;
  private static final int CASES = 3_000;

  static SchemaRegistryServer server;
  static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() {
    server = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    client = new RestSchemaRegistryClient(server.url());
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    server.close();
  }

  private enum Mutation {
    RANDOM_BYTES,
    TRUNCATE,
    FLIP_BITS,
    OVERWRITE_BYTES,
    OTHER_SCHEMA_ID,
    INFLATE_LENGTH,
    APPEND
  }

  private static byte[] mutate(byte[] valid, Mutation mutation, SplittableRandom random) {
    byte[] bytes = valid.clone();
    switch (mutation) {
      case RANDOM_BYTES -> {
        bytes = new byte[random.nextInt(0, 64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
          bytes[0] = 0; // framed-looking, so the schema id and body get read too
        }
      }
      case TRUNCATE -> bytes = Arrays.copyOf(bytes, random.nextInt(0, bytes.length));
      case FLIP_BITS -> {
        for (int i = random.nextInt(1, 4); i > 0; i--) {
          int at = random.nextInt(5, bytes.length);
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case OVERWRITE_BYTES -> {
        for (int i = random.nextInt(1, 6); i > 0; i--) {
          bytes[random.nextInt(5, bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case OTHER_SCHEMA_ID -> {
        int id = random.nextBoolean() ? random.nextInt(1, 12) : random.nextInt();
        bytes[1] = (byte) (id >>> 24);
        bytes[2] = (byte) (id >>> 16);
        bytes[3] = (byte) (id >>> 8);
        bytes[4] = (byte) id;
      }
      case INFLATE_LENGTH -> {
        // a zig-zag varint claiming a huge string or array length at some position of the body
        int at = random.nextInt(5, bytes.length);
        byte[] huge = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        System.arraycopy(huge, 0, bytes, at, Math.min(huge.length, bytes.length - at));
      }
      case APPEND -> {
        bytes = Arrays.copyOf(bytes, bytes.length + random.nextInt(1, 8));
      }
    }
    return bytes;
  }

  @Test
  void everyMutatedPayloadDecodesOrFailsWithASerializationExceptionThatSaysWhy() {
    List<SpecificRecord> samples = SamplePapers.everyRecordType();
    List<byte[]> valid = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (SpecificRecord sample : samples) {
      String topic = "fuzz-" + sample.getSchema().getName();
      @SuppressWarnings("unchecked")
      Class<SpecificRecord> type = (Class<SpecificRecord>) sample.getClass();
      valid.add(SpecificAvroSerde.of(type, client, false).serializer().serialize(topic, sample));
      topics.add(topic);
    }
    valid.add(StringAvroSerde.of(client, true).serializer().serialize("fuzz-key", "2401.00001"));
    topics.add("fuzz-key");
    List<Deserializer<?>> readers =
        List.of(
            SpecificAvroSerde.of(PaperEvent.class, client, false).deserializer(),
            GenericAvroSerde.of(client, false).deserializer(),
            StringAvroSerde.of(client, true).deserializer());

    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      int source = random.nextInt(valid.size());
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      byte[] payload = mutate(valid.get(source), mutation, random);
      Deserializer<?> reader = readers.get(random.nextInt(readers.size()));
      String outcome;
      try {
        reader.deserialize(topics.get(source), payload);
        outcome = "decoded";
      } catch (SerializationException e) {
        outcome = "refused";
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          wrong.add("case " + i + " (" + mutation + "): SerializationException without a message");
        }
      } catch (RuntimeException | Error e) {
        outcome = "other";
        wrong.add("case " + i + " (" + mutation + ", " + Arrays.toString(payload) + "): " + e);
      }
      outcomes.merge(mutation + " " + outcome, 1, Integer::sum);
    }
    assertThat(wrong).as("outcomes %s", outcomes).isEmpty();
    assertThat(outcomes.keySet()).as("every mutation met").anyMatch(key -> key.endsWith("refused"));
    assertThat(outcomes)
        .containsKeys("TRUNCATE refused", "RANDOM_BYTES refused", "OTHER_SCHEMA_ID refused");
  }
}
