package io.paperpulse.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import io.paperpulse.registry.testing.CountingClient;
import io.paperpulse.registry.testing.SamplePapers;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  /** PaperEvent as an older producer knew it: no abstract, authors, upvotes, source, url, ... */
  static final Schema PAPER_V1 =
      new Schema.Parser()
          .parse(
              """
            {"type":"record","name":"PaperEvent","namespace":"io.paperpulse.schema","fields":[
              {"name":"id","type":"string"},
              {"name":"title","type":"string"},
              {"name":"publishedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");

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

  @Test
  void everyContractRecordRoundTripsInWireFormat() {
    for (SpecificRecord record : SamplePapers.everyRecordType()) {
      String topic = "rt-" + record.getSchema().getName();
      byte[] bytes = roundTrip(record, topic);
      assertThat(bytes[0]).isEqualTo((byte) 0);
      int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
      assertThat(client.lookup(topic + "-value", record.getSchema()).id()).isEqualTo(id);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> byte[] roundTrip(T record, String topic) {
    try (SpecificAvroSerde<T> serde =
        SpecificAvroSerde.of((Class<T>) record.getClass(), client, false)) {
      byte[] bytes = serde.serializer().serialize(topic, record);
      T back = serde.deserializer().deserialize(topic, bytes);
      assertThat(back).as(record.getSchema().getName()).isEqualTo(record);
      return bytes;
    }
  }

  @Test
  void stringKeyIsExactlyConfluentsBytes() {
    try (StringAvroSerde keys = StringAvroSerde.of(client, true)) {
      byte[] bytes = keys.serializer().serialize("papers", "abc");
      int id = client.lookup("papers-key", Schema.create(Schema.Type.STRING)).id();
      // magic, big-endian id, zig-zag length 3 (=0x06), UTF-8 bytes
      assertThat(bytes)
          .containsExactly(
              0, id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff, 0x06, 'a', 'b', 'c');
      assertThat(keys.deserializer().deserialize("papers", bytes)).isEqualTo("abc");
      assertThat(client.latestVersion("papers-key").schema().getType())
          .isEqualTo(Schema.Type.STRING);
    }
  }

  @Test
  void tombstonesStayNull() {
    try (SpecificAvroSerde<PaperEvent> serde =
            SpecificAvroSerde.of(PaperEvent.class, client, false);
        StringAvroSerde keys = StringAvroSerde.of(client, true)) {
      assertThat(serde.serializer().serialize("papers", null)).isNull();
      assertThat(serde.deserializer().deserialize("papers", null)).isNull();
      assertThat(keys.serializer().serialize("papers", null)).isNull();
    }
  }

  @Test
  void genericReaderSeesWriterSchemaAndWritesTheSameBytes() {
    try (SpecificAvroSerde<PaperEvent> specific =
            SpecificAvroSerde.of(PaperEvent.class, client, false);
        GenericAvroSerde generic = GenericAvroSerde.of(client, false)) {
      byte[] bytes = specific.serializer().serialize("generic", SamplePapers.paper());
      GenericRecord record = generic.deserializer().deserialize("generic", bytes);
      assertThat(record.getSchema().getFullName()).isEqualTo("io.paperpulse.schema.PaperEvent");
      assertThat(record.get("title").toString()).isEqualTo("Mixture of Experts, revisited");
      assertThat(record.get("publishedAt"))
          .isEqualTo(Instant.parse("2024-01-12T00:00:00Z").toEpochMilli());
      assertThat(record.get("url").toString()).isEqualTo("https://example.org/papers/2401.06066");
      assertThat(generic.serializer().serialize("generic", record)).isEqualTo(bytes);
    }
  }

  @Test
  void oldDataIsReadIntoTheCurrentClassWithDefaults() {
    GenericRecord v1 = new GenericData.Record(PAPER_V1);
    v1.put("id", "2401.00001");
    v1.put("title", "An old paper");
    v1.put("publishedAt", Instant.parse("2023-12-31T00:00:00Z").toEpochMilli());
    try (GenericAvroSerde oldProducer = GenericAvroSerde.of(client, false);
        SpecificAvroSerde<PaperEvent> current =
            SpecificAvroSerde.of(PaperEvent.class, client, false)) {
      byte[] oldBytes = oldProducer.serializer().serialize("evolution", v1);

      PaperEvent read = current.deserializer().deserialize("evolution", oldBytes);

      assertThat(read.getId()).isEqualTo("2401.00001");
      assertThat(read.getPublishedAt()).isEqualTo(Instant.parse("2023-12-31T00:00:00Z"));
      assertThat(read.getAbstract$()).isEmpty();
      assertThat(read.getAuthors()).isEmpty();
      assertThat(read.getUpvotes()).isZero();
      assertThat(read.getSource()).isEqualTo("unknown");
      assertThat(read.getUrl()).isNull();
      // the registry accepted the current schema as the next version (BACKWARD)
      byte[] newBytes = current.serializer().serialize("evolution", read);
      assertThat(ByteBuffer.wrap(newBytes, 1, 4).getInt())
          .isNotEqualTo(ByteBuffer.wrap(oldBytes, 1, 4).getInt());
      assertThat(client.versions("evolution-value")).containsExactly(1, 2);
    }
  }

  @Test
  void dataOfAnotherTypeIsRefusedBySpecificReader() {
    try (SpecificAvroSerde<PaperEvent> papers =
            SpecificAvroSerde.of(PaperEvent.class, client, false);
        SpecificAvroSerde<TagCount> counts = SpecificAvroSerde.of(TagCount.class, client, false)) {
      byte[] paperBytes = papers.serializer().serialize("mixed", SamplePapers.paper());
      assertThatThrownBy(() -> counts.deserializer().deserialize("mixed", paperBytes))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("cannot be read as io.paperpulse.schema.TagCount");
    }
  }

  @Test
  void badBytesFailWithPreciseMessages() {
    try (SpecificAvroSerde<PaperEvent> serde =
        SpecificAvroSerde.of(PaperEvent.class, client, false)) {
      var reader = serde.deserializer();
      assertThatThrownBy(() -> reader.deserialize("bad", new byte[] {1, 0, 0, 0, 1, 2}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("unknown magic byte 0x01");
      assertThatThrownBy(() -> reader.deserialize("bad", new byte[] {0, 0, 0}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("too short");
      assertThatThrownBy(() -> reader.deserialize("bad", new byte[] {0, 0, 0, 0x7f, 0x7f, 2}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("unknown schema id 32639");

      byte[] good = serde.serializer().serialize("bad", SamplePapers.paper());
      byte[] truncated = java.util.Arrays.copyOf(good, good.length - 10);
      assertThatThrownBy(() -> reader.deserialize("bad", truncated))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("corrupt Avro");
      byte[] trailing = java.util.Arrays.copyOf(good, good.length + 3);
      assertThatThrownBy(() -> reader.deserialize("bad", trailing))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("corrupt Avro");
      byte[] header = java.util.Arrays.copyOf(good, 5);
      assertThatThrownBy(() -> reader.deserialize("bad", header))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("corrupt Avro");
    }
  }

  @Test
  void primitivesRoundTripAsConfluentDoes() {
    AvroSerializer<Object> serializer = new AvroSerializer<>(client, false);
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
    for (Object value : List.of("text", 7, 7L, 1.5f, 2.5d, true)) {
      String topic = "prim-" + value.getClass().getSimpleName();
      assertThat(deserializer.deserialize(topic, serializer.serialize(topic, value)))
          .isEqualTo(value);
    }
    byte[] raw = "raw".getBytes(StandardCharsets.UTF_8);
    assertThat(
            (byte[])
                deserializer.deserialize("prim-bytes", serializer.serialize("prim-bytes", raw)))
        .isEqualTo(raw);
    assertThatThrownBy(() -> serializer.serialize("prim-bad", new Object()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot serialize java.lang.Object");
  }

  @Test
  void configuredFromConfluentPropertiesAndSharingNoRegistryCallsOnTheHotPath() {
    CountingClient counting = new CountingClient(client);
    try (SpecificAvroSerde<PaperEvent> serde =
        new SpecificAvroSerde<>(PaperEvent.class, counting)) {
      serde.configure(Map.of("schema.registry.url", "http://unused.invalid:1"), false);
      PaperEvent paper = SamplePapers.paper();
      for (int i = 0; i < 2_000; i++) {
        serde.deserializer().deserialize("hot", serde.serializer().serialize("hot", paper));
      }
      assertThat(counting.calls.get()).isLessThanOrEqualTo(2);
    }
    try (SpecificAvroSerde<PaperEvent> own = new SpecificAvroSerde<>(PaperEvent.class)) {
      own.configure(Map.of("schema.registry.url", server.url()), false);
      PaperEvent paper = SamplePapers.paper();
      assertThat(own.deserializer().deserialize("own", own.serializer().serialize("own", paper)))
          .isEqualTo(paper);
    }
  }

  @Test
  void withoutAutoRegisterTheSchemaMustExist() {
    try (SpecificAvroSerde<PaperEvent> serde = new SpecificAvroSerde<>(PaperEvent.class, client)) {
      serde.configure(Map.of("auto.register.schemas", "false"), false);
      assertThatThrownBy(() -> serde.serializer().serialize("manual", SamplePapers.paper()))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("manual-value")
          .hasMessageContaining("40401");
      int id = client.register("manual-value", PaperEvent.getClassSchema());
      byte[] bytes = serde.serializer().serialize("manual", SamplePapers.paper());
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsLatestSchema() {
    int latestId = client.register("latest-value", PaperEvent.getClassSchema());
    GenericRecord v1 = new GenericData.Record(PAPER_V1);
    v1.put("id", "x1");
    v1.put("title", "Written by an old app");
    v1.put("publishedAt", 0L);
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client);
    serializer.configure(Map.of("use.latest.version", true, "auto.register.schemas", false), false);

    byte[] bytes = serializer.serialize("latest", v1);

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    PaperEvent read =
        SpecificAvroSerde.of(PaperEvent.class, client, false)
            .deserializer()
            .deserialize("latest", bytes);
    assertThat(read.getTitle()).isEqualTo("Written by an old app");
    assertThat(read.getSource()).isEqualTo("unknown");
  }

  private static TagCount count(String tag, TagKind kind, long papers) {
    LocalDate day = LocalDate.of(2026, 12, 7);
    return new TagCount(tag, kind, "day", day, day.plusDays(1), papers, 3 * papers);
  }

  @Test
  void aWriteThatFailsHalfwayLeavesNothingInTheNextRecord() {
    AvroSerializer<TagCount> fresh = new AvroSerializer<>(client, false);
    byte[] expected = fresh.serialize("half-written", count("llm", TagKind.TOPIC, 7));

    AvroSerializer<TagCount> serializer = new AvroSerializer<>(client, false);
    // the tag is encoded before the missing kind fails the write
    assertThatThrownBy(() -> serializer.serialize("half-written", count("a-long-tag", null, 1)))
        .isInstanceOf(SerializationException.class);
    assertThat(serializer.serialize("half-written", count("llm", TagKind.TOPIC, 7)))
        .isEqualTo(expected);
  }

  @Test
  void threadsSharingOneSerializerEachGetTheirOwnRecordsBytes() {
    AvroSerializer<TagCount> shared = new AvroSerializer<>(client, false);
    AvroSerializer<TagCount> reference = new AvroSerializer<>(client, false);
    List<CompletableFuture<Integer>> writers = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      String tag = "tag-of-thread-" + thread;
      writers.add(
          CompletableFuture.supplyAsync(
              () -> {
                int same = 0;
                for (int i = 0; i < 5_000; i++) {
                  TagCount record = count(tag, TagKind.KEYPHRASE, i);
                  byte[] bytes = shared.serialize("shared", record);
                  synchronized (reference) {
                    same += Arrays.equals(bytes, reference.serialize("shared", record)) ? 1 : 0;
                  }
                }
                return same;
              },
              command -> new Thread(command).start()));
    }
    assertThat(writers).allSatisfy(writer -> assertThat(writer.join()).isEqualTo(5_000));
  }
}
