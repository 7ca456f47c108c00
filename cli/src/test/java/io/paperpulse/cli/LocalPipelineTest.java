package io.paperpulse.cli;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.local.LocalCluster;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.sample.BundledSample;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * produce and consume against a real in-JVM local cluster, including a restart on the same data
 * directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path workDir;

  private static Path dataDir;
  private static LocalCluster cluster;
  private static Path sample;

  /** Papers the producer's own parser finds in the sample: what must arrive, no more, no less. */
  private static int samplePapers;

  @BeforeAll
  static void startCluster() throws Exception {
    dataDir = workDir.resolve("cluster");
    cluster = LocalCluster.builder(dataDir).build().start();
    sample = workDir.resolve(BundledSample.NAME);
    try (InputStream in = BundledSample.open()) {
      Files.copy(in, sample);
    }
    ParsedInput parsed =
        InputReader.read(
            Files.readString(sample),
            InputFormat.AUTO,
            new ParseContext(sample.toString(), BundledSample.asOf(), Instant.now()));
    samplePapers = parsed.papers().size();
    assertThat(samplePapers).as("papers in the bundled sample").isGreaterThanOrEqualTo(48);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void producesTheBundledSampleAndConsumesEveryPaperAsJson() throws Exception {
    // The page dump has two blocks that are not paper cards: reported as skipped, not errors; no
    // flag needed.
    CliRun produce =
        CliRun.run(
            connection(), "produce", "--as-of", BundledSample.asOf().toString(), sample.toString());
    assertThat(produce.exitCode()).as(produce.err()).isZero();
    assertThat(produce.err()).contains("published " + samplePapers, "line 293", "not a paper card");

    List<JsonNode> records = consume("papers");

    assertThat(records).hasSize(samplePapers);
    JsonNode first = records.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("topic", "partition", "offset", "timestamp", "key", "value", "headers");
    assertThat(first.get("topic").asText()).isEqualTo("papers");
    assertThat(first.get("key").asText()).isEqualTo(first.get("value").get("id").asText());
    for (JsonNode record : records) {
      JsonNode paper = record.get("value");
      assertThat(paper.get("title").asText()).isNotBlank();
      // timestamp-millis rendered as an ISO instant, not epoch millis.
      assertThat(paper.get("publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
    Set<String> ids = records.stream().map(r -> r.get("key").asText()).collect(Collectors.toSet());
    assertThat(ids).hasSize(samplePapers);
  }

  @Test
  @Order(2)
  void rejectsAFileWithOneBadRecordNamingFileLineAndFieldAndPublishesNothing() throws Exception {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(List.of(new NewTopic("strict-papers", 1, (short) 1))).all().get();
    }
    Path input = workDir.resolve("one-bad.jsonl");
    Files.writeString(
        input,
        String.join(
                "\n",
                paperJson("p-1", "2024-01-08T10:00:00Z"),
                paperJson("p-2", "the day after tomorrow"),
                paperJson("p-3", "2024-01-09T10:00:00Z"))
            + "\n");

    CliRun produce =
        CliRun.run(
            connection(),
            "produce",
            "--topic-prefix",
            "strict-",
            "--format",
            "jsonl",
            input.toString());

    assertThat(produce.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(produce.err()).contains("one-bad.jsonl:2:", "publishedAt");
    assertThat(consume("strict-papers")).isEmpty();
  }

  @Test
  @Order(3)
  void everyRecordStillDecodesAfterTheClusterRestartsOnTheSameDataDirectory() throws Exception {
    cluster.close();
    cluster = LocalCluster.builder(dataDir).build().start();

    List<JsonNode> records = consume("papers");

    assertThat(records).hasSize(samplePapers);
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(record.get("value").isObject()).as("decoded Avro value").isTrue();
              assertThat(record.get("value").get("id").asText())
                  .isEqualTo(record.get("key").asText());
            });
  }

  @Test
  @Order(4)
  void everyFieldTheFeedsGiveRoundTripsThroughProduceTheTopicAndConsume() throws Exception {
    Path hf = workDir.resolve("daily_papers.json");
    Files.writeString(
        hf,
        "[{\"paper\":{\"id\":\"2611.04321\",\"authors\":[{\"_id\":\"a1\",\"name\":\"Ada Example\","
            + "\"hidden\":false}],\"mediaUrls\":[],\"publishedAt\":\"2026-11-04T18:59:58.000Z\","
            + "\"submittedOnDailyAt\":\"2026-11-05T01:22:10.311Z\",\"title\":\"Sparse Routers Learn to Forget\","
            + "\"submittedOnDailyBy\":{\"_id\":\"u9\",\"fullname\":\"Kay Curator\",\"user\":\"kaycurates\"},"
            + "\"summary\":\"Routers forget.\",\"upvotes\":57,\"discussionId\":\"d1\","
            + "\"projectPage\":\"https://example.org/p\",\"githubRepo\":\"https://github.com/example/r\","
            + "\"ai_summary\":\"Routers drop experts.\",\"ai_keywords\":[\"router collapse\",\"experts\"],"
            + "\"githubStars\":412,\"organization\":{\"_id\":\"o1\",\"name\":\"example-lab\",\"fullname\":\"Example Lab\"}},"
            + "\"publishedAt\":\"2026-11-05T01:22:10.311Z\",\"title\":\"Sparse Routers Learn to Forget\","
            + "\"thumbnail\":\"https://cdn.example.org/2611.04321.png\",\"numComments\":4,"
            + "\"submittedBy\":{\"_id\":\"u9\",\"fullname\":\"Kay Curator\",\"name\":\"kaycurates\"},"
            + "\"isAuthorParticipating\":true}]\n");
    Path atom = workDir.resolve("arxiv.xml");
    Files.writeString(
        atom,
        """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"
                      xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
                  <opensearch:totalResults>1</opensearch:totalResults>
                  <entry>
                    <id>http://arxiv.org/abs/2401.01234v2</id>
                    <updated>2024-01-04T10:00:00Z</updated>
                    <published>2024-01-02T18:59:59Z</published>
                    <title>Retrieval for Tiny Models</title>
                    <summary>We study retrieval.</summary>
                    <author><name>Eli Coder</name><arxiv:affiliation>Somewhere</arxiv:affiliation></author>
                    <arxiv:comment>12 pages</arxiv:comment>
                    <arxiv:journal_ref>Proc. Tiny 2024</arxiv:journal_ref>
                    <arxiv:doi>10.1234/tiny.1</arxiv:doi>
                    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                  </entry>
                </feed>
                """);
    CliRun produce =
        CliRun.run(
            connection(), "produce", "--topic-prefix", "fields-", hf.toString(), atom.toString());
    assertThat(produce.exitCode()).as(produce.err()).isZero();

    Map<String, JsonNode> values = new HashMap<>();
    consume("fields-papers")
        .forEach(record -> values.put(record.get("key").asText(), record.get("value")));
    JsonNode daily = values.get("2611.04321");
    assertThat(daily.get("featuredAt").asText()).isEqualTo("2026-11-05T01:22:10.311Z");
    assertThat(daily.get("listedAt").asText()).isEqualTo("2026-11-05T01:22:10.311Z");
    assertThat(daily.get("commentCount").asInt()).isEqualTo(4);
    assertThat(daily.get("submittedBy").asText()).isEqualTo("kaycurates");
    assertThat(daily.get("thumbnailUrl").asText())
        .isEqualTo("https://cdn.example.org/2611.04321.png");
    assertThat(daily.get("aiSummary").asText()).isEqualTo("Routers drop experts.");
    assertThat(daily.get("aiKeywords"))
        .extracting(JsonNode::asText)
        .containsExactly("router collapse", "experts");
    assertThat(daily.get("githubRepo").asText()).isEqualTo("https://github.com/example/r");
    assertThat(daily.get("githubStars").asInt()).isEqualTo(412);
    assertThat(daily.get("projectPage").asText()).isEqualTo("https://example.org/p");
    assertThat(daily.get("organization").asText()).isEqualTo("example-lab");
    JsonNode arxiv = values.get("2401.01234");
    assertThat(arxiv.get("primaryCategory").asText()).isEqualTo("cs.CL");
    assertThat(arxiv.get("comment").asText()).isEqualTo("12 pages");
    assertThat(arxiv.get("journalRef").asText()).isEqualTo("Proc. Tiny 2024");
    assertThat(arxiv.get("doi").asText()).isEqualTo("10.1234/tiny.1");
    assertThat(arxiv.get("updatedAt").asText()).isEqualTo("2024-01-04T10:00:00Z");
    assertThat(arxiv.get("authorAffiliations").toString())
        .isEqualTo("[{\"author\":\"Eli Coder\",\"affiliations\":[\"Somewhere\"]}]");

    // what consume prints is JSON Lines that produce reads back into the same papers
    Path again = workDir.resolve("again.jsonl");
    Files.writeString(
        again, values.values().stream().map(JsonNode::toString).collect(joining("\n")) + "\n");
    CliRun reproduce =
        CliRun.run(connection(), "produce", "--topic-prefix", "again-", again.toString());
    assertThat(reproduce.exitCode()).as(reproduce.err()).isZero();
    Map<String, JsonNode> reread = new HashMap<>();
    consume("again-papers")
        .forEach(record -> reread.put(record.get("key").asText(), record.get("value")));
    assertThat(reread.keySet()).isEqualTo(values.keySet());
    values.forEach(
        (id, value) -> {
          ObjectNode expected = value.deepCopy();
          ObjectNode actual = reread.get(id).deepCopy();
          expected.remove("ingestedAt");
          actual.remove("ingestedAt");
          assertThat(actual).as(id).isEqualTo(expected);
        });
  }

  /** Connection settings through the environment, as a deployment would pass them. */
  private static Map<String, String> connection() {
    return CliRun.connection(cluster);
  }

  private static List<JsonNode> consume(String topic) throws Exception {
    return CliRun.consume(connection(), "--topic", topic, "--idle-timeout", "2s");
  }

  private static String paperJson(String id, String publishedAt) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\"Paper "
        + id
        + "\",\"abstract\":\"About "
        + id
        + ".\","
        + "\"authors\":[\"A. Author\"],\"publishedAt\":\""
        + publishedAt
        + "\",\"upvotes\":3}";
  }
}
