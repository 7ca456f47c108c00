package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.cli.streams.StreamsCommand;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.sample.BundledSample;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The streams side of the command line on one in-JVM local cluster. Above all DESIGN section 3's
 * exactness promise, end to end: the bundled sample, then updates of text, date and upvotes, then
 * deletes, all published with {@code produce}; {@code tag-counts} read back with {@code consume}
 * must equal the counts recomputed from scratch from the papers as they finally are.
 */
class StreamsPipelineTest extends LocalClusterTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Tagger TAGGER = PaperTagger.withDefaultTaxonomy();

  @Test
  void tagCountsReadBackWithConsumeEqualCountsRecomputedFromTheFinalPapers() throws Exception {
    Path sample = workDir.resolve(BundledSample.NAME);
    try (InputStream in = BundledSample.open()) {
      Files.copy(in, sample);
    }
    Map<String, PaperEvent> papers = new LinkedHashMap<>();
    apply(read(sample, InputFormat.AUTO), papers);
    assertThat(papers).hasSize(48);
    List<PaperEvent> original = new ArrayList<>(papers.values());
    PaperEvent rewritten =
        PaperEvent.newBuilder(original.get(0))
            .setAbstract$(
                "We train diffusion models for robot manipulation with reinforcement learning "
                    + "and evaluate them on quantum error correction benchmarks.")
            .build();
    // 400 days earlier: a different day, week, month and year bucket.
    PaperEvent moved =
        PaperEvent.newBuilder(original.get(1))
            .setPublishedAt(original.get(1).getPublishedAt().minus(Duration.ofDays(400)))
            .build();
    PaperEvent upvoted =
        PaperEvent.newBuilder(original.get(2))
            .setUpvotes(original.get(2).getUpvotes() + 250)
            .build();
    Path updates = workDir.resolve("updates.jsonl");
    Files.writeString(
        updates, String.join("\n", jsonLine(rewritten), jsonLine(moved), jsonLine(upvoted)) + "\n");
    List<String> deleted = List.of(original.get(3).getId(), original.get(4).getId());

    apply(read(updates, InputFormat.JSONL), papers);
    deleted.forEach(papers::remove);
    assertThat(papers).hasSize(46);
    assertThat(papers.get(moved.getId()).getPublishedAt()).isEqualTo(moved.getPublishedAt());
    Map<CountKey, Totals> expected = recompute(papers.values());
    assertThat(expected).as("the updates change the counts").isNotEqualTo(recompute(original));

    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.schemaRegistryUrl(),
            workDir.resolve("exact-state"),
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-exact",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "exact."));
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, TAGGER)) {
      app.start();
      CliRun produce =
          CliRun.run(
              connection(),
              "produce",
              "--topic-prefix",
              "exact.",
              "--as-of",
              BundledSample.asOf().toString(),
              sample.toString(),
              updates.toString(),
              "--delete",
              deleted.get(0),
              "--delete",
              deleted.get(1));
      assertThat(produce.exitCode()).as(produce.err()).isZero();
      assertThat(produce.err()).contains("total: published 51, tombstones 2");
      AppWait.caughtUp(app, TIMEOUT);
    }

    Map<CountKey, Totals> actual = latestCounts(consume("exact.", "tag-counts"));

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aGeneratedBurstRanksInTheTopThreeOfItsWeeksOnlyAndIsAnnounced() throws Exception {
    String phrase = "quantum error correction";
    LocalDate burstStart = LocalDate.of(2024, 3, 4);
    Set<LocalDate> burstWeeks = Set.of(burstStart, burstStart.plusWeeks(1));
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.schemaRegistryUrl(),
            workDir.resolve("burst-state"),
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-burst",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "burst.",
                PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                List.of(Granularity.WEEK)));
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, TAGGER)) {
      app.start();
      // the generator starts once the application has joined and set up its transactions, so
      // that the two do not contend for the broker at the same moment
      AppWait.running(app, TIMEOUT);
      CliRun generate =
          CliRun.run(
              connection(),
              "generate",
              "--topic-prefix",
              "burst.",
              "--count",
              "2000",
              "--seed",
              "5",
              "--from",
              "2024-01-01",
              "--to",
              "2024-04-28",
              "--update-share",
              "0",
              "--delete-share",
              "0",
              "--burst",
              phrase + ":2024-03-04:2024-03-17:0.3");
      assertThat(generate.exitCode()).as(generate.err()).isZero();
      AppWait.caughtUp(app, TIMEOUT);
    }

    Map<LocalDate, List<String>> topThree = new HashMap<>();
    for (JsonNode record : consume("burst.", "trending-tags")) {
      LocalDate week = LocalDate.parse(record.get("key").get("bucketStart").asText());
      List<String> tags = new ArrayList<>();
      record
          .get("value")
          .get("tags")
          .forEach(
              tag -> {
                if (tags.size() < 3) {
                  tags.add(tag.get("tag").asText());
                }
              });
      topThree.put(week, tags);
    }
    assertThat(topThree).hasSizeGreaterThanOrEqualTo(17);
    topThree.forEach(
        (week, tags) -> {
          if (burstWeeks.contains(week)) {
            assertThat(tags).as("top three of the burst week %s", week).contains(phrase);
          } else {
            assertThat(tags).as("top three of the week %s", week).doesNotContain(phrase);
          }
        });

    Set<LocalDate> announced = new LinkedHashSet<>();
    for (JsonNode record : consume("burst.", "trend-alerts")) {
      if (record.get("value").get("tag").asText().equals(phrase)) {
        announced.add(LocalDate.parse(record.get("value").get("bucketStart").asText()));
      }
    }
    assertThat(announced).as("weeks in which the burst was announced").isEqualTo(burstWeeks);
  }

  @Test
  void streamsCommandRunsTheTopologyUntilStopped() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(
            connection(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "streams",
                    "--application-id",
                    "paperpulse-cmd",
                    "--topic-prefix",
                    "cmd.",
                    "--partitions",
                    "1",
                    "--granularities",
                    "year",
                    "--processing-guarantee",
                    "exactly_once_v2",
                    "--state-dir",
                    workDir.resolve("cmd-state").toString(),
                    "--http-port",
                    "0"));
    awaitTopic("cmd.papers", exit);
    Path paper = workDir.resolve("paper.jsonl");
    Files.writeString(
        paper,
        "{\"id\":\"cmd-1\",\"title\":\"Quantum error correction with surface codes\","
            + "\"abstract\":\"Logical qubits.\",\"publishedAt\":\"2024-03-01T00:00:00Z\",\"upvotes\":4}\n");

    CliRun produce =
        CliRun.run(connection(), "produce", "--topic-prefix", "cmd.", paper.toString());
    assertThat(produce.exitCode()).as(produce.err()).isZero();

    CountKey year = new CountKey("quantum error correction", "year", "2024-01-01");
    Map<CountKey, Totals> counts =
        await("the year's count")
            .atMost(TIMEOUT)
            .pollInSameThread()
            .until(
                () -> {
                  assertThat(exit).as("streams command still running: %s", err).isNotDone();
                  return latestCounts(consume("cmd.", "tag-counts"));
                },
                latest -> latest.containsKey(year));
    assertThat(counts).containsEntry(year, new Totals(1, 4));
    assertThat(counts.keySet()).allSatisfy(key -> assertThat(key.granularity()).isEqualTo("year"));

    StreamsCommand command = commandLine.getSubcommands().get("streams").getCommand();
    command.stopAndAwait();
    assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
  }

  @Test
  void generatePublishesTheRequestedNumberOfDecodableEvents() throws Exception {
    CliRun generate =
        CliRun.run(
            connection(),
            "generate",
            "--topic-prefix",
            "gen.",
            "--count",
            "120",
            "--seed",
            "7",
            "--delete-share",
            "0");

    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.err()).contains("generated 120 events");
    List<JsonNode> records = consume("gen.", "papers");
    assertThat(records).hasSize(120);
    assertThat(records)
        .allSatisfy(
            record ->
                assertThat(record.get("value").get("id").asText())
                    .isEqualTo(record.get("key").asText()));
  }

  /**
   * One count of the tag-counts topic, keyed as on the topic (bucket start as the ISO date consume
   * prints).
   */
  private record CountKey(String tag, String granularity, String bucketStart) {}

  private record Totals(long papers, long upvotes) {}

  /**
   * Latest value per key, tombstones and zero counts removed, as DESIGN section 3 defines the
   * topic.
   */
  private static Map<CountKey, Totals> latestCounts(List<JsonNode> records) {
    Map<CountKey, Totals> latest = new HashMap<>();
    for (JsonNode record : records) {
      JsonNode key = record.get("key");
      CountKey countKey =
          new CountKey(
              key.get("tag").asText(),
              key.get("granularity").asText(),
              key.get("bucketStart").asText());
      JsonNode value = record.get("value");
      if (value.isNull() || value.get("paperCount").asLong() == 0) {
        latest.remove(countKey);
      } else {
        latest.put(
            countKey,
            new Totals(value.get("paperCount").asLong(), value.get("upvoteSum").asLong()));
      }
    }
    return latest;
  }

  /** Counts straight from the definition (the streams module's recount), keyed as consumed. */
  private static Map<CountKey, Totals> recompute(Iterable<PaperEvent> livePapers) {
    Map<CountKey, Totals> totals = new HashMap<>();
    ExpectedCounts.recompute(livePapers, TAGGER, Granularity.DEFAULTS)
        .forEach(
            (key, count) ->
                totals.put(
                    new CountKey(
                        key.getTag(), key.getGranularity(), key.getBucketStart().toString()),
                    new Totals(count.papers(), count.upvotes())));
    return totals;
  }

  /** Parses an input the way the producer does. */
  private static ParsedInput read(Path file, InputFormat format) throws Exception {
    ParsedInput parsed =
        InputReader.read(
            Files.readString(file),
            format,
            new ParseContext(file.getFileName().toString(), BundledSample.asOf(), Instant.now()));
    assertThat(parsed.errors()).isEmpty();
    return parsed;
  }

  private static void apply(ParsedInput input, Map<String, PaperEvent> papers) {
    for (ParseResult result : input.results()) {
      if (result instanceof ParseResult.Paper paper) {
        papers.put(paper.id(), paper.event());
      } else if (result instanceof ParseResult.Tombstone tombstone) {
        papers.remove(tombstone.id());
      }
    }
  }

  /** A paper as a JSON Lines record with the PaperEvent field names. */
  private static String jsonLine(PaperEvent paper) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", paper.getId());
    json.put("title", paper.getTitle());
    json.put("abstract", paper.getAbstract$());
    paper.getAuthors().forEach(json.putArray("authors")::add);
    json.put("authorCount", paper.getAuthorCount());
    json.put("publishedAt", paper.getPublishedAt().toString());
    json.put("upvotes", paper.getUpvotes());
    if (paper.getUrl() != null) {
      json.put("url", paper.getUrl());
    }
    return json.toString();
  }

  /**
   * The streams application creates its topics; producing earlier would auto-create a plain one.
   */
  private static void awaitTopic(String topic, CompletableFuture<Integer> command) {
    await("topic " + topic)
        .atMost(TIMEOUT)
        .until(
            () -> {
              if (admin.listTopics().names().get().contains(topic)) {
                return true;
              }
              assertThat(command).as("streams command still running").isNotDone();
              return false;
            });
  }

  private static List<JsonNode> consume(String prefix, String topic) throws Exception {
    return CliRun.consume(
        connection(), "--topic-prefix", prefix, "--topic", topic, "--idle-timeout", "3s");
  }
}
