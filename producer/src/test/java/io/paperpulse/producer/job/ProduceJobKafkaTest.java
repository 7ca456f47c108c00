package io.paperpulse.producer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.PublishReport;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProduceJobKafkaTest extends SingleBrokerTestBase {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-12-11T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void goodFileIsCommittedInOneTransactionAndReadBack() throws Exception {
    String topic = cluster.newTopic("papers");
    ProduceResult result = job().run(ProduceOptions.of(topic, List.of(fixture("papers.jsonl"))));

    assertThat(result.exitCode()).isZero();
    assertThat(result.reports())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(PublishReport.Outcome.COMMITTED);
              assertThat(r.published()).isEqualTo(3);
              assertThat(r.tombstones()).isEqualTo(1);
            });
    List<ConsumerRecord<String, PaperEvent>> records = cluster.readPapers(topic);
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactly(
            "2401.01234", PaperIds.fromTitle("No Id Given"), "2312.99999", "2401.00002");
    PaperEvent first = records.get(0).value();
    assertThat(first.getTitle()).isEqualTo("Explicit Id With Version");
    assertThat(first.getAuthors()).containsExactly("A One", "B Two");
    assertThat(first.getIngestedAt()).isEqualTo(CLOCK.instant());
    assertThat(records.get(3).value()).isNull();
  }

  @Test
  void fileWithOneBadRecordPublishesNothingAndFailsWithExitCode2() throws Exception {
    String topic = cluster.newTopic("papers");
    ProduceResult result =
        job().run(ProduceOptions.of(topic, List.of(fixture("papers-bad.jsonl"))));

    assertThat(result.exitCode()).isEqualTo(ProduceResult.BAD_INPUT);
    assertThat(result.reports())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(PublishReport.Outcome.REJECTED));
    assertThat(result.lines())
        .contains(
            "invalid: "
                + dir.resolve("papers-bad.jsonl")
                + ":2:39: field 'publishedAt': not a date: '2024-13-45'");
    assertThat(cluster.readPapers(topic)).isEmpty();
  }

  @Test
  void skipInvalidPublishesTheValidRecordsAndReportsEachSkippedOne() throws Exception {
    String topic = cluster.newTopic("papers");
    ProduceResult result =
        job()
            .run(
                ProduceOptions.of(topic, List.of(fixture("papers-bad.jsonl")))
                    .withSkipInvalid(true));

    assertThat(result.exitCode()).isZero();
    assertThat(result.published()).isEqualTo(1);
    assertThat(result.skipped()).isEqualTo(5);
    assertThat(result.lines())
        .contains(
            "skipped: " + dir.resolve("papers-bad.jsonl") + ":4: field 'upvotes': negative: -1");
    assertThat(cluster.readPapers(topic))
        .extracting(r -> r.value().getTitle())
        .containsExactly("Good");
  }

  @Test
  void sameIdTwiceInOneFileKeepsTheLastAndCountsADuplicate() throws Exception {
    String topic = cluster.newTopic("papers");
    Path file =
        Files.writeString(
            dir.resolve("dup.jsonl"),
            """
                {"id": "2401.00001", "title": "First version", "publishedAt": "2024-01-01", "upvotes": 1}
                {"id": "2401.00002", "title": "Other", "publishedAt": "2024-01-02"}
                {"id": "2401.00001v2", "title": "Second version", "publishedAt": "2024-01-01", "upvotes": 9}
                """);
    ProduceResult result = job().run(ProduceOptions.of(topic, List.of(InputSource.file(file))));

    assertThat(result.published()).isEqualTo(2);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(cluster.readPapers(topic))
        .extracting(r -> r.key() + "=" + r.value().getTitle())
        .containsExactly("2401.00002=Other", "2401.00001=Second version");
  }

  @Test
  void deletesArePublishedAsTombstones() throws Exception {
    String topic = cluster.newTopic("papers");
    ProduceOptions options =
        new ProduceOptions(
            topic,
            InputFormat.AUTO,
            null,
            List.of("2401.00001", "t:0123456789abcdef"),
            false,
            List.of());
    ProduceResult result = job().run(options);

    assertThat(result.exitCode()).isZero();
    assertThat(result.tombstones()).isEqualTo(2);
    assertThat(cluster.readPapers(topic))
        .allSatisfy(r -> assertThat(r.value()).isNull())
        .extracting(ConsumerRecord::key)
        .containsExactly("2401.00001", "t:0123456789abcdef");
  }

  @Test
  void stdinAndTheBundledSampleAreInputsToo() throws Exception {
    String topic = cluster.newTopic("papers");
    String line = "{\"title\": \"From stdin\", \"publishedAt\": \"2024-02-02\"}\n";
    InputSource stdin =
        InputSource.fromArgument(
            "-", () -> new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    ProduceResult result =
        job().run(ProduceOptions.of(topic, List.of(stdin, InputSource.bundledSample())));

    assertThat(result.exitCode()).isZero();
    assertThat(result.reports())
        .extracting(PublishReport::input)
        .containsExactly("stdin", "daily-papers.txt");
    assertThat(result.published()).isEqualTo(49);
    assertThat(cluster.readPapers(topic)).hasSize(49);
  }

  @Test
  void bundledSamplePublishesItsFortyEightPapersAndNamesTheBlocksItSkipped() throws Exception {
    String topic = cluster.newTopic("papers");
    ProduceResult result =
        job().run(ProduceOptions.of(topic, List.of(InputSource.bundledSample())));

    assertThat(result.exitCode()).isZero();
    assertThat(result.reports())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(PublishReport.Outcome.COMMITTED);
              assertThat(r.published()).isEqualTo(48);
              assertThat(r.skipped()).isZero();
              assertThat(r.duplicates()).isZero();
              assertThat(r.skippedBlocks())
                  .extracting(ParseResult.Skipped::line)
                  .containsExactly(197, 293);
              assertThat(r.summary())
                  .startsWith(
                      "daily-papers.txt: published 48, tombstones 0, skipped 0, duplicates 0; "
                          + "2 blocks not in record form skipped: line 197 (card 'Training Foundation Models")
                  .contains(", line 293 (card 'Streaming DiLoCo");
            });
    assertThat(result.lines())
        .last()
        .isEqualTo(
            "total: published 48, tombstones 0, skipped 0, duplicates 0, blocks not in record form 2");
    assertThat(cluster.readPapers(topic))
        .hasSize(48)
        .allSatisfy(r -> assertThat(r.value().getAuthorCount()).isPositive());
  }

  @Test
  void aRestartedProducerFencesTheKilledOneAndAbortsItsOpenTransaction() throws Exception {
    String topic = cluster.newTopic("papers");
    String transactionalId = "paperpulse-produce-" + topic + "-restart";
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put("transactional.id", transactionalId);
    KafkaProducer<String, PaperEvent> killed =
        new KafkaProducer<>(props, cluster.paperIdSerializer(), cluster.paperSerializer());
    killed.initTransactions();
    killed.beginTransaction();
    killed
        .send(new ProducerRecord<>(topic, "2401.99999", paper("2401.99999", "Never committed")))
        .get();

    try (PaperPublisher restarted =
        new PaperPublisher(
            cluster.clientProperties(),
            topic,
            transactionalId,
            cluster.paperIdSerializer(),
            cluster.paperSerializer())) {
      PublishReport report =
          restarted.publish(
              InputReader.read(
                  "{\"id\": \"2401.00001\", \"title\": \"Committed\", \"publishedAt\": \"2024-01-01\"}",
                  InputFormat.JSONL,
                  new ParseContext(
                      "again.jsonl",
                      CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                      CLOCK.instant())),
              false);
      assertThat(report.outcome()).isEqualTo(PublishReport.Outcome.COMMITTED);
    }

    assertThat(cluster.readPapers(topic))
        .extracting(ConsumerRecord::key)
        .containsExactly("2401.00001");
    assertThatThrownBy(killed::commitTransaction).isInstanceOf(ProducerFencedException.class);
    killed.close();
  }

  @Test
  void aFencedPublisherReportsTheFatalErrorAndStops() throws Exception {
    String topic = cluster.newTopic("papers");
    String transactionalId = "paperpulse-produce-" + topic + "-fenced";
    var input =
        InputReader.read(
            "{\"id\": \"2401.00001\", \"title\": \"T\", \"publishedAt\": \"2024-01-01\"}",
            InputFormat.JSONL,
            new ParseContext("x.jsonl", LocalDate.of(2024, 12, 11), CLOCK.instant()));
    try (PaperPublisher old =
            new PaperPublisher(
                cluster.clientProperties(),
                topic,
                transactionalId,
                cluster.paperIdSerializer(),
                cluster.paperSerializer());
        PaperPublisher newer =
            new PaperPublisher(
                cluster.clientProperties(),
                topic,
                transactionalId,
                cluster.paperIdSerializer(),
                cluster.paperSerializer())) {
      assertThat(old.publish(input, false).outcome()).isEqualTo(PublishReport.Outcome.COMMITTED);
      assertThat(newer.publish(input, false).outcome()).isEqualTo(PublishReport.Outcome.COMMITTED);
      PublishReport fenced = old.publish(input, false);
      assertThat(fenced.outcome()).isEqualTo(PublishReport.Outcome.FAILED);
      // Depending on where the fencing is noticed, the client reports it as fenced or as an old
      // epoch.
      assertThat(fenced.failure())
          .containsAnyOf("ProducerFencedException", "InvalidProducerEpochException");
      assertThat(old.publish(input, false).failure())
          .startsWith("producer stopped after an earlier fatal error");
    }
    assertThat(cluster.readPapers(topic)).hasSize(2);
  }

  @Test
  void unreachableClusterIsARuntimeFailureWithExitCode1() throws Exception {
    Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 1500);
    ProduceResult result =
        new ProduceJob(props, cluster.paperIdSerializer(), cluster.paperSerializer(), CLOCK)
            .run(
                ProduceOptions.of(
                    "papers", List.of(fixture("papers.jsonl"), fixture("daily-papers.json"))));

    assertThat(result.exitCode()).isEqualTo(ProduceResult.RUNTIME_FAILURE);
    assertThat(result.reports())
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PublishReport.Outcome.FAILED));
  }

  private ProduceJob job() {
    return new ProduceJob(
        cluster.clientProperties(), cluster.paperIdSerializer(), cluster.paperSerializer(), CLOCK);
  }

  private InputSource fixture(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
      Files.copy(in, file);
    }
    return InputSource.file(file);
  }

  private static PaperEvent paper(String id, String title) {
    return PaperEvent.newBuilder()
        .setId(id)
        .setTitle(title)
        .setPublishedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build();
  }
}
