package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.streams.topology.intake.DeadLetter;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import io.paperpulse.testsupport.TopicContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Every kind of record that cannot be processed lands in papers-dlq with its original bytes and
 * headers naming error class, message, stage, source topic, partition and offset, while the valid
 * papers around them are counted, on a real broker with exactly-once processing.
 *
 * <p>An output too large for its topic (a valid paper whose tagged form exceeds the {@code
 * max.message.bytes} of papers-tagged) is caught by the size check before the sink: a dead letter
 * of stage production carrying the output key and no value, the paper still counted.
 */
@Tag(FaultTests.TAG)
class PoisonPillTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(PoisonPillTest.class);
  private static final int MAX_ABSTRACT_CHARS = 5_000;

  /** max.message.bytes of papers-tagged in this test, and the application's output limit. */
  private static final int TAGGED_TOPIC_MAX_BYTES = 20_000;

  @TempDir Path stateDir;

  private static PaperEvent paper(String id, String title, String abstractText, Instant published) {
    return PaperEvent.newBuilder()
        .setId(id)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setPublishedAt(published)
        .setUpvotes(3)
        .setIngestedAt(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void everyBadRecordKindIsDeadLetteredWithItsStageWhileGoodPapersAroundItAreCounted()
      throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.papers(), 1, (short) 1),
                  new NewTopic(topics.papersTagged(), 1, (short) 1)
                      .configs(
                          Map.of("max.message.bytes", Integer.toString(TAGGED_TOPIC_MAX_BYTES)))))
          .all()
          .get();
    }
    Instant day = Instant.parse("2024-03-04T00:00:00Z");
    var keys = StringAvroSerde.of(registry.client(), true).serializer();
    var values = SpecificAvroSerde.of(PaperEvent.class, registry.client(), false).serializer();
    String topic = topics.papers();
    PaperEvent before =
        paper("good-1", "Diffusion models for protein design", "We study diffusion models.", day);
    PaperEvent after =
        paper("good-2", "Reinforcement learning for robot control", "Robots learn policies.", day);
    byte[] framed = values.serialize(topic, paper("corrupt", "Corrupt", "", day));
    byte[] unknownSchema = framed.clone();
    unknownSchema[1] = 0x7f; // schema id 0x7f000000 + ..., never registered

    // offset -> (id, value bytes, expected stage, expected error class fragment, key and value of
    // the letter)
    record Pill(
        String id,
        byte[] value,
        String stage,
        String errorClass,
        byte[] letterKey,
        byte[] letterValue) {
      Pill(String id, byte[] value, String stage, String errorClass) {
        this(id, value, stage, errorClass, null, value);
      }
    }
    Map<Integer, Pill> pills = new LinkedHashMap<>();
    pills.put(
        1,
        new Pill(
            "raw",
            "plain text, not Confluent framed".getBytes(StandardCharsets.UTF_8),
            "deserialization",
            "Exception"));
    pills.put(2, new Pill("unknown-schema", unknownSchema, "deserialization", "Exception"));
    pills.put(3, new Pill("corrupt", Arrays.copyOf(framed, 9), "deserialization", "Exception"));
    pills.put(
        4,
        new Pill(
            "empty",
            values.serialize(topic, paper("empty", "   ", "text", day)),
            "validation",
            "paperpulse.validation.empty-title"));
    pills.put(
        5,
        new Pill(
            "ancient",
            values.serialize(
                topic, paper("ancient", "Old", "", Instant.parse("1850-01-01T00:00:00Z"))),
            "validation",
            "paperpulse.validation.date-too-early"));
    pills.put(
        6,
        new Pill(
            "future",
            values.serialize(
                topic, paper("future", "Soon", "", Instant.now().plus(3, ChronoUnit.DAYS))),
            "validation",
            "paperpulse.validation.date-in-future"));
    pills.put(
        7,
        new Pill(
            "long",
            values.serialize(topic, paper("long", "Long", "word ".repeat(MAX_ABSTRACT_CHARS), day)),
            "validation",
            "paperpulse.validation.abstract-too-long"));
    // valid (no rule limits the author list), but its papers-tagged record cannot fit that topic;
    // authors are not tagged, so no other output of this paper grows with them
    List<String> authors = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      authors.add("Author Number " + i);
    }
    PaperEvent huge =
        PaperEvent.newBuilder(paper("huge", "Graph neural networks", "Message passing.", day))
            .setAuthors(authors)
            .build();
    pills.put(
        8,
        new Pill(
            "huge",
            values.serialize(topic, huge),
            "production",
            "RecordTooLargeException",
            keys.serialize(topics.papersTagged(), huge.getId()),
            null));

    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                cluster.bootstrapServers(),
                "enable.idempotence",
                true,
                "acks",
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              topic, keys.serialize(topic, before.getId()), values.serialize(topic, before)));
      for (Pill pill : pills.values()) {
        producer.send(new ProducerRecord<>(topic, keys.serialize(topic, pill.id()), pill.value()));
      }
      producer.send(
          new ProducerRecord<>(
              topic, keys.serialize(topic, after.getId()), values.serialize(topic, after)));
      producer.flush();
    }

    Tagger tagger = PaperTagger.withDefaultTaxonomy();
    List<Granularity> granularities = List.of(Granularity.MONTH);
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "poison-pills",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                1,
                PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                granularities,
                PaperPulseStreamsConfig.MAX_ABSTRACT_CHARS_CONFIG,
                MAX_ABSTRACT_CHARS,
                PaperPulseStreamsConfig.MAX_OUTPUT_RECORD_BYTES_CONFIG,
                TAGGED_TOPIC_MAX_BYTES));
    List<ConsumerRecord<byte[], byte[]>> letters;
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger)) {
      app.start();
      AppWait.caughtUp(app, Duration.ofMinutes(2));
      assertThat(app.state().isRunningOrRebalancing()).as("still running after all pills").isTrue();
    }
    letters = TopicContents.readCommitted(client, topics.papersDlq());

    Map<Integer, ConsumerRecord<byte[], byte[]>> byOffset = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      byOffset.put(Integer.parseInt(header(letter, DeadLetter.HEADER_OFFSET)), letter);
    }
    assertThat(byOffset.keySet()).containsExactlyInAnyOrderElementsOf(pills.keySet());
    assertThat(letters).hasSize(pills.size());
    for (var entry : pills.entrySet()) {
      Pill pill = entry.getValue();
      ConsumerRecord<byte[], byte[]> letter = byOffset.get(entry.getKey());
      assertThat(header(letter, DeadLetter.HEADER_STAGE))
          .as("stage of %s", pill.id())
          .isEqualTo(pill.stage());
      assertThat(header(letter, DeadLetter.HEADER_EXCEPTION))
          .as("error class of %s", pill.id())
          .contains(pill.errorClass());
      assertThat(header(letter, DeadLetter.HEADER_MESSAGE))
          .as("message of %s", pill.id())
          .isNotBlank();
      assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo(topic);
      assertThat(header(letter, DeadLetter.HEADER_PARTITION)).isEqualTo("0");
      assertThat(letter.value())
          .as("original bytes of %s", pill.id())
          .isEqualTo(pill.letterValue());
      assertThat(letter.key())
          .isEqualTo(
              pill.letterKey() != null ? pill.letterKey() : keys.serialize(topic, pill.id()));
      log.info(
          "dead letter {}: stage {}, class {}, message {}",
          pill.id(),
          pill.stage(),
          header(letter, DeadLetter.HEADER_EXCEPTION),
          header(letter, DeadLetter.HEADER_MESSAGE));
    }
    // the too-large paper is valid: only its papers-tagged record is missing, its tags count
    var expected = ExpectedCounts.recompute(List.of(before, huge, after), tagger, granularities);
    assertThat(TopicContents.readCommitted(client, topics.papersTagged()))
        .as("papers-tagged records")
        .hasSize(2);
    assertThat(expected).isNotEmpty();
    assertThat(ExactCounts.tagCounts(client, registry.client(), topics)).isEqualTo(expected);
    log.info(
        "poison pill figures: {} dead letters, {} valid papers counted into {} tag-count keys",
        letters.size(),
        3,
        expected.size());
  }
}
