package io.paperpulse.streams.api;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TopPapers;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.testing.HttpJson;
import io.paperpulse.streams.testing.VocabularyTagger;
import io.paperpulse.testsupport.TestCluster;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application with the same id share a 6-partition papers topic; each must
 * answer every question exactly like the other and like the tag-counts topic, forwarding to its
 * peer what it does not host.
 */
class TwoInstancesApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> WORDS =
      List.of(
          "diffusion",
          "transformer",
          "agents",
          "retrieval",
          "robotics",
          "vision",
          "speech",
          "reasoning",
          "alignment",
          "graphs",
          "quantization",
          "benchmark",
          "multimodal",
          "compression");

  @TempDir static Path stateDirs;
  private static TestCluster cluster;
  private static StreamsNode first;
  private static StreamsNode second;
  private static PaperPulseStreamsConfig config;
  private static final Map<String, PaperEvent> live = new LinkedHashMap<>();
  private final HttpJson http = new HttpJson();

  @BeforeAll
  static void startTwoInstances() throws Exception {
    cluster = TestCluster.start();
    config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.registryUrl(),
            stateDirs.resolve("a"),
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-two",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "two.",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                6,
                PaperPulseStreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                0));
    first = StreamsNode.start(config, new VocabularyTagger(), StreamsNode.HttpSettings.onPort(0));
    second =
        StreamsNode.start(
            config.with(
                Map.of(
                    PaperPulseStreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("b").toString())),
            new VocabularyTagger(),
            StreamsNode.HttpSettings.onPort(0));
    cluster.publish(config.topics().papers(), history(new Random(11)));
    awaitCaughtUp();
  }

  @AfterAll
  static void stop() throws Exception {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    cluster.close();
  }

  @Test
  void bothInstancesAnswerEveryTagAndBucketLikeTheTagCountsTopic() throws Exception {
    Map<TagCountKey, ExpectedCounts.Totals> expected =
        ExpectedCounts.fromTopic(cluster.readTagCounts(config.topics().tagCounts()));
    assertThat(expected).hasSizeGreaterThan(100);

    // tag histories: one request per (tag, granularity), on both instances
    Map<String, Map<String, Map<String, Long>>> histories = new TreeMap<>();
    expected.forEach(
        (key, totals) ->
            histories
                .computeIfAbsent(key.getTag(), tag -> new TreeMap<>())
                .computeIfAbsent(key.getGranularity(), g -> new TreeMap<>())
                .put(key.getBucketStart().toString(), totals.papers()));
    for (Map.Entry<String, Map<String, Map<String, Long>>> tag : histories.entrySet()) {
      for (Granularity granularity : Granularity.DEFAULTS) {
        String path = "/api/tags/" + encode(tag.getKey()) + "?granularity=" + granularity.label();
        JsonNode onFirst = http.getOk(first.url() + path);
        JsonNode onSecond = http.getOk(second.url() + path);
        assertThat(onSecond).as(path).isEqualTo(onFirst);
        Map<String, Long> served = new TreeMap<>();
        onFirst
            .get("buckets")
            .forEach(b -> served.put(b.get("bucketStart").asText(), b.get("paperCount").asLong()));
        assertThat(served)
            .as(path)
            .isEqualTo(tag.getValue().getOrDefault(granularity.label(), Map.of()));
      }
    }

    // rankings: one request per (granularity, bucket), on both instances
    Map<String, Map<String, Long>> buckets = new HashMap<>();
    expected.forEach(
        (key, totals) ->
            buckets
                .computeIfAbsent(
                    key.getGranularity() + "/" + key.getBucketStart(), b -> new HashMap<>())
                .put(key.getTag(), totals.papers()));
    for (Map.Entry<String, Map<String, Long>> bucket : buckets.entrySet()) {
      String[] parts = bucket.getKey().split("/");
      String path = "/api/trending?granularity=" + parts[0] + "&bucket=" + parts[1] + "&limit=1000";
      JsonNode onFirst = http.getOk(first.url() + path);
      JsonNode onSecond = http.getOk(second.url() + path);
      assertThat(onSecond).as(path).isEqualTo(onFirst);
      assertThat(onFirst.get("bucketStart").asText()).isEqualTo(parts[1]);
      assertThat(onFirst.get("tags")).as(path).hasSize(Math.min(20, bucket.getValue().size()));
      for (JsonNode entry : onFirst.get("tags")) {
        assertThat(entry.get("paperCount").asLong())
            .as("%s %s", path, entry.get("tag"))
            .isEqualTo(bucket.getValue().get(entry.get("tag").asText()));
      }
    }

    // the latest bucket, found across instances
    for (Granularity granularity : Granularity.DEFAULTS) {
      String latest =
          expected.keySet().stream()
              .filter(key -> key.getGranularity().equals(granularity.label()))
              .map(key -> key.getBucketStart().toString())
              .max(String::compareTo)
              .orElseThrow();
      String path = "/api/trending?granularity=" + granularity.label();
      JsonNode onFirst = http.getOk(first.url() + path);
      assertThat(http.getOk(second.url() + path)).isEqualTo(onFirst);
      assertThat(onFirst.get("bucketStart").asText()).as(path).isEqualTo(latest);
      assertThat(onFirst.get("tags").size()).isLessThanOrEqualTo(ApiServer.DEFAULT_LIMIT);
    }
  }

  @Test
  void topPapersOfEveryBucketAndTagMergeThePartsOfBothInstances() throws Exception {
    Map<String, List<PaperEvent>> buckets = new TreeMap<>();
    for (PaperEvent paper : live.values()) {
      for (Granularity granularity : Granularity.DEFAULTS) {
        buckets
            .computeIfAbsent(
                granularity.label() + "/" + granularity.bucketStart(paper.getPublishedAt()),
                key -> new ArrayList<>())
            .add(paper);
      }
    }
    Comparator<PaperEvent> rankOrder =
        Comparator.comparingInt((PaperEvent p) -> -p.getUpvotes())
            .thenComparing(PaperEvent::getPublishedAt, Comparator.reverseOrder())
            .thenComparing(PaperEvent::getId);
    for (Map.Entry<String, List<PaperEvent>> bucket : buckets.entrySet()) {
      String[] parts = bucket.getKey().split("/");
      List<PaperEvent> ranked = bucket.getValue().stream().sorted(rankOrder).toList();
      String path = "/api/papers?granularity=" + parts[0] + "&bucket=" + parts[1] + "&limit=1000";
      JsonNode onFirst = http.getOk(first.url() + path);
      assertThat(http.getOk(second.url() + path)).as(path).isEqualTo(onFirst);
      assertThat(ids(onFirst)).as(path).isEqualTo(ranked.stream().map(PaperEvent::getId).toList());
      assertThat(onFirst.get("papers").get(0).get("rank").asInt()).isEqualTo(1);

      String tag =
          new VocabularyTagger()
              .tag(ranked.get(0).getTitle(), ranked.get(0).getAbstract$())
              .get(0)
              .getName();
      String tagged = path + "&tag=" + encode(tag);
      assertThat(ids(http.getOk(second.url() + tagged)))
          .as(tagged)
          .isEqualTo(
              ranked.stream()
                  .filter(
                      paper ->
                          new VocabularyTagger()
                              .tag(paper.getTitle(), paper.getAbstract$()).stream()
                                  .anyMatch(t -> t.getName().equals(tag)))
                  .map(PaperEvent::getId)
                  .toList());
    }
    String latestWeek =
        buckets.keySet().stream()
            .filter(key -> key.startsWith("week/"))
            .max(String::compareTo)
            .orElseThrow()
            .substring("week/".length());
    JsonNode latest = http.getOk(first.url() + "/api/papers?granularity=week&limit=3");
    assertThat(latest.get("bucketStart").asText()).isEqualTo(latestWeek);
    assertThat(latest.get("papers")).hasSizeLessThanOrEqualTo(3);
    assertThat(
            http.getSettled(first.url() + "/api/papers?granularity=week&bucket=1999-01-04")
                .statusCode())
        .isEqualTo(404);

    // the top-papers topic ends with each bucket's top 20 merged from every partition
    Map<String, List<String>> expected = new TreeMap<>();
    buckets.forEach(
        (key, papers) ->
            expected.put(
                key, papers.stream().sorted(rankOrder).limit(20).map(PaperEvent::getId).toList()));
    await("top-papers merged")
        .atMost(TIMEOUT)
        .pollInSameThread()
        .untilAsserted(() -> assertThat(publishedTopPapers()).isEqualTo(expected));
  }

  @Test
  void theAlertsOfEveryBucketAreTheLastOnTheTopicPerTag() throws Exception {
    Map<String, Map<String, TrendAlert>> expected = new TreeMap<>();
    for (KeyValue<TagCountKey, TrendAlert> record :
        cluster.read(config.topics().trendAlerts(), TagCountKey.class, TrendAlert.class)) {
      expected
          .computeIfAbsent(
              record.value.getGranularity() + "/" + record.value.getBucketStart(),
              b -> new TreeMap<>())
          .put(record.value.getTag(), record.value);
    }
    assertThat(expected).as("the history raises alerts").isNotEmpty();
    for (Map.Entry<String, Map<String, TrendAlert>> bucket : expected.entrySet()) {
      String[] parts = bucket.getKey().split("/");
      String path = "/api/alerts?granularity=" + parts[0] + "&bucket=" + parts[1] + "&limit=1000";
      JsonNode onFirst = http.getOk(first.url() + path);
      assertThat(http.getOk(second.url() + path)).as(path).isEqualTo(onFirst);
      Map<String, Double> served = new TreeMap<>();
      double previous = Double.MAX_VALUE;
      for (JsonNode alert : onFirst.get("alerts")) {
        assertThat(alert.get("score").asDouble())
            .as("highest score first")
            .isLessThanOrEqualTo(previous);
        previous = alert.get("score").asDouble();
        served.put(alert.get("tag").asText(), alert.get("score").asDouble());
      }
      Map<String, Double> scores = new TreeMap<>();
      bucket.getValue().forEach((tag, alert) -> scores.put(tag, alert.getScore()));
      assertThat(served).as(path).isEqualTo(scores);
    }
    // without a bucket: the latest bucket with alerts, for every granularity that has any
    Map<String, String> latest = new TreeMap<>();
    expected
        .keySet()
        .forEach(
            key ->
                latest.merge(
                    key.split("/")[0], key.split("/")[1], (a, b) -> a.compareTo(b) >= 0 ? a : b));
    assertThat(latest).isNotEmpty();
    for (Map.Entry<String, String> bucket : latest.entrySet()) {
      assertThat(
              http.getOk(second.url() + "/api/alerts?granularity=" + bucket.getKey())
                  .get("bucketStart")
                  .asText())
          .as(bucket.getKey())
          .isEqualTo(bucket.getValue());
    }
    assertThat(
            http.getSettled(first.url() + "/api/alerts?granularity=week&bucket=1999-01-04")
                .statusCode())
        .isEqualTo(404);
  }

  private static List<String> ids(JsonNode view) {
    List<String> ids = new ArrayList<>();
    view.get("papers").forEach(paper -> ids.add(paper.get("id").asText()));
    return ids;
  }

  @Test
  void everyPaperIsServedByBothInstancesAndForwardingShowsInMetrics() throws Exception {
    Set<String> servedByPeer = new java.util.HashSet<>();
    for (PaperEvent paper : live.values()) {
      String path = "/api/papers/" + encode(paper.getId());
      HttpResponse<String> fromFirst = http.getSettled(first.url() + path);
      HttpResponse<String> fromSecond = http.getSettled(second.url() + path);
      assertThat(fromFirst.statusCode()).as(path).isEqualTo(200);
      assertThat(HttpJson.parse(fromSecond.body())).isEqualTo(HttpJson.parse(fromFirst.body()));
      JsonNode json = HttpJson.parse(fromFirst.body());
      assertThat(json.get("title").asText()).isEqualTo(paper.getTitle());
      Set<String> tags = new java.util.HashSet<>();
      json.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
      assertThat(tags)
          .isEqualTo(
              new VocabularyTagger()
                  .tag(paper.getTitle(), paper.getAbstract$()).stream()
                      .map(tag -> tag.getName())
                      .collect(Collectors.toSet()));
      servedByPeer.add(fromFirst.headers().firstValue(ApiServer.SERVED_BY_HEADER).orElseThrow());
      servedByPeer.add(fromSecond.headers().firstValue(ApiServer.SERVED_BY_HEADER).orElseThrow());
    }
    // with six partitions over two instances, each instance hosts some papers and forwards the rest
    assertThat(servedByPeer).contains(ClusterQueries.LOCAL, hostPort(first), hostPort(second));
    assertThat(forwarded(first, "paper")).isPositive();
    assertThat(forwarded(second, "paper")).isPositive();
    assertThat(http.get(first.url() + "/metrics").body())
        .contains("paperpulse_api_forwarded_total{endpoint=\"paper\"");

    assertThat(http.getSettled(first.url() + "/api/papers/no-such-paper").statusCode())
        .isEqualTo(404);
    assertThat(http.getSettled(second.url() + "/api/papers/no-such-paper").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aForwardedRequestForAKeyTheReceiverDoesNotHostIsUnavailableNotEmpty() throws Exception {
    // a request marked as forwarded is answered from local stores only; for a key hosted by the
    // peer that is a 503 (ownership moving), never a 404 that would pass for a complete answer
    int unavailable = 0;
    for (PaperEvent paper : live.values()) {
      HttpResponse<String> response = send(first, "/api/papers/" + encode(paper.getId()));
      if (response.statusCode() == 503) {
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        unavailable++;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
      }
    }
    assertThat(unavailable).isPositive().isLessThan(live.size());
  }

  private HttpResponse<String> send(StreamsNode node, String path) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + path))
            .header(PeerClient.FORWARDED_HEADER, "test:1")
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static double forwarded(StreamsNode node, String endpoint) {
    Counter counter =
        node.metrics().find(ClusterQueries.FORWARDED_METRIC).tag("endpoint", endpoint).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String hostPort(StreamsNode node) {
    return "localhost:" + node.port();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The latest top papers per bucket on the top-papers topic, by "granularity/bucket". */
  private static Map<String, List<String>> publishedTopPapers() {
    Map<String, List<String>> latestRecords = new TreeMap<>();
    for (KeyValue<TrendingKey, TopPapers> record :
        cluster.read(config.topics().topPapers(), TrendingKey.class, TopPapers.class)) {
      String key = record.key.getGranularity() + "/" + record.key.getBucketStart();
      if (record.value == null) {
        latestRecords.remove(key);
      } else {
        latestRecords.put(key, record.value.getPapers().stream().map(TopPaper::getId).toList());
      }
    }
    return latestRecords;
  }

  private static void awaitCaughtUp() {
    await("both instances caught up")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                first.app().state() == KafkaStreams.State.RUNNING
                    && second.app().state() == KafkaStreams.State.RUNNING
                    && first.app().isCaughtUp());
  }

  /** Sixty papers over three months from a small vocabulary, then updates and deletes. */
  private static List<KeyValue<String, PaperEvent>> history(Random random) {
    List<KeyValue<String, PaperEvent>> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = "2402." + (20000 + i);
      String title = pick(random, 3) + " study " + i;
      PaperEvent paper =
          paper(
              id,
              title,
              "we improve " + pick(random, 2),
              LocalDate.of(2024, 1, 1).plusDays(random.nextInt(90)),
              random.nextInt(40));
      events.add(KeyValue.pair(id, paper));
      live.put(id, paper);
    }
    for (int i = 0; i < 60; i += 7) {
      String id = "2402." + (20000 + i);
      PaperEvent changed =
          PaperEvent.newBuilder(live.get(id))
              .setTitle(pick(random, 2) + " revisited " + i)
              .setUpvotes(live.get(id).getUpvotes() + 3)
              .build();
      events.add(KeyValue.pair(id, changed));
      live.put(id, changed);
    }
    for (int i = 3; i < 60; i += 11) {
      String id = "2402." + (20000 + i);
      events.add(KeyValue.pair(id, null));
      live.remove(id);
    }
    return events;
  }

  private static String pick(Random random, int count) {
    List<String> words = new ArrayList<>();
    while (words.size() < count) {
      String word = WORDS.get(random.nextInt(WORDS.size()));
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    return String.join(" ", words);
  }
}
