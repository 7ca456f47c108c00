package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.registry.serde.GenericAvroSerde;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import io.paperpulse.testsupport.TopicContents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end schema evolution on one papers topic, one step beyond the current {@code PaperEvent}
 * (called v1 here: the generated class) to a next version v2 with a new optional field {@code
 * venue} (parsed here, as generic records, since no class has it).
 *
 * <ul>
 *   <li>current producers (v1) and next producers (v2) write to the same topic, the registry
 *       accepts v2 as a BACKWARD compatible version;
 *   <li>the current application (reading v1) counts every paper of both versions exactly;
 *   <li>a v2 reader (the next application) reads every record, v1 ones with the default venue;
 *   <li>a v3 making {@code venue} required is refused by the registry over HTTP with 409.
 * </ul>
 *
 * Records of the released versions before the current one are covered by {@code
 * PaperVersionsTopologyTest} in the streams module.
 */
@Tag(FaultTests.TAG)
class SchemaEvolutionTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(SchemaEvolutionTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Granularity> GRANULARITIES = List.of(Granularity.MONTH);
  private static final String[] SUBJECTS = {
    "Diffusion models for protein design", "Reinforcement learning for robot control",
    "Graph neural networks for molecules", "Large language models as code assistants",
    "Speech recognition with transformers", "Federated learning under privacy constraints"
  };

  @TempDir Path stateDir;

  /** The current PaperEvent plus one field: {@code type} and, when given, {@code default}. */
  private static Schema withVenue(Object type, boolean withNullDefault) throws Exception {
    ObjectNode schema = (ObjectNode) JSON.readTree(PaperEvent.getClassSchema().toString());
    ObjectNode venue = ((ArrayNode) schema.get("fields")).addObject();
    venue.put("name", "venue");
    venue.set("type", JSON.valueToTree(type));
    venue.put("doc", "Conference or journal, when known.");
    if (withNullDefault) {
      venue.putNull("default");
    }
    return new Schema.Parser().parse(schema.toString());
  }

  private static PaperEvent paper(int index, Instant published) {
    return PaperEvent.newBuilder()
        .setId("evo-" + index)
        .setTitle(SUBJECTS[index % SUBJECTS.length] + " (" + index + ")")
        .setAbstract$("We study " + SUBJECTS[(index * 5) % SUBJECTS.length].toLowerCase() + ".")
        .setPublishedAt(published)
        .setUpvotes(index % 7)
        .setIngestedAt(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
  }

  /** The same paper as a v2 generic record, as a producer built on the v2 schema would write it. */
  private static GenericRecord asV2(PaperEvent paper, Schema v2, String venue) {
    GenericRecord record = new GenericData.Record(v2);
    for (Schema.Field field : PaperEvent.getClassSchema().getFields()) {
      record.put(field.name(), paper.get(field.pos()));
    }
    record.put("venue", venue);
    return record;
  }

  @Test
  void oldAndNewProducersWithTheCurrentAppAndANewReaderAllWorkAndAnIncompatibleV3IsRefused()
      throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    String topic = topics.papers();
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    Schema v2 = withVenue(List.of("null", "string"), true);
    var keys = StringAvroSerde.of(registry.client(), true).serializer();
    var oldValues = SpecificAvroSerde.of(PaperEvent.class, registry.client(), false).serializer();
    var newValues = GenericAvroSerde.of(registry.client(), false).serializer();

    Instant base = Instant.parse("2024-03-04T00:00:00Z");
    Map<String, PaperEvent> live = new HashMap<>();
    Map<String, String> venues = new HashMap<>();
    int oldWritten = 0;
    int newWritten = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", cluster.bootstrapServers(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      // old producer, then new producer (also updating some of the old papers), then the old one
      // again
      for (int i = 0; i < 60; i++) {
        boolean newProducer = i >= 20 && i < 40 || i % 10 == 3;
        int index = i < 40 ? i : i - 25; // the last 20 events update papers 15..34
        PaperEvent paper = paper(index, base.plus(index * 2L, ChronoUnit.DAYS));
        byte[] value;
        if (newProducer) {
          String venue = "Venue " + (index % 3);
          value = newValues.serialize(topic, asV2(paper, v2, venue));
          venues.put(paper.getId(), venue);
          newWritten++;
        } else {
          value = oldValues.serialize(topic, paper);
          venues.remove(paper.getId());
          oldWritten++;
        }
        live.put(paper.getId(), paper);
        producer
            .send(new ProducerRecord<>(topic, keys.serialize(topic, paper.getId()), value))
            .get();
      }
    }
    assertThat(registry.client().versions(topic + "-value"))
        .as("registered value versions")
        .hasSize(2);

    // the current application, reading v1, over records of both versions
    Tagger tagger = PaperTagger.withDefaultTaxonomy();
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "evolution",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                2,
                PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                GRANULARITIES));
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger)) {
      app.start();
      AppWait.caughtUp(app, Duration.ofMinutes(2));
    }
    var expected = ExpectedCounts.recompute(live.values(), tagger, GRANULARITIES);
    assertThat(expected).isNotEmpty();
    assertThat(ExactCounts.tagCounts(client, registry.client(), topics))
        .as("tag-counts")
        .isEqualTo(expected);
    assertThat(TopicContents.readCommitted(client, topics.papersDlq()))
        .as("dead letters")
        .isEmpty();

    // the next application: every record read with the v2 schema, old ones with the default venue
    Map<String, Object> latestVenue = new HashMap<>();
    List<ConsumerRecord<byte[], byte[]>> records = TopicContents.readCommitted(client, topic);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      GenericRecord read = readAs(v2, record.value());
      latestVenue.put(
          read.get("id").toString(),
          read.get("venue") == null ? null : read.get("venue").toString());
    }
    assertThat(records).hasSize(60);
    Map<String, Object> expectedVenue = new HashMap<>();
    live.keySet().forEach(id -> expectedVenue.put(id, venues.get(id)));
    assertThat(latestVenue).isEqualTo(expectedVenue);

    // v3: venue required, with no default; data written by v1 and v2 without it cannot be read
    Schema v3 = withVenue("string", false);
    HttpResponse<String> refused = register(topic + "-value", v3);
    assertThat(refused.statusCode()).as("registry answer to v3: %s", refused.body()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).path("error_code").asInt()).isEqualTo(409);
    assertThat(registry.client().versions(topic + "-value")).hasSize(2);
    log.info(
        "evolution figures: {} v1 and {} v2 events, {} live papers, {} tag-count keys exact; v3 refused: {}",
        oldWritten,
        newWritten,
        live.size(),
        expected.size(),
        refused.body());
  }

  private static GenericRecord readAs(Schema reader, byte[] framed) throws Exception {
    ByteBuffer buffer = ByteBuffer.wrap(framed);
    assertThat(buffer.get()).isZero();
    Schema writer = registry.client().getById(buffer.getInt());
    var decoder = DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null);
    return new GenericDatumReader<GenericRecord>(writer, reader).read(null, decoder);
  }

  private static HttpResponse<String> register(String subject, Schema schema) throws Exception {
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
