package io.paperpulse.streams.api;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.HttpJson;
import io.paperpulse.streams.testing.PrometheusText;
import io.paperpulse.streams.testing.SseListener;
import io.paperpulse.streams.testing.VocabularyTagger;
import io.paperpulse.testsupport.TestCluster;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance: live rankings over Server-Sent Events, health, readiness and Prometheus metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path stateDir;
  private static TestCluster cluster;
  private static PaperPulseStreamsConfig config;
  private static StreamsNode node;
  private final HttpJson http = new HttpJson();

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start();
    config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.registryUrl(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-live",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "live.",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                2));
    node = StreamsNode.start(config, new VocabularyTagger(), StreamsNode.HttpSettings.onPort(0));
    List<KeyValue<String, PaperEvent>> papers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      papers.add(
          KeyValue.pair(
              "2401.3000" + i,
              paper(
                  "2401.3000" + i,
                  "Sparse attention kernels " + (i % 3 == 0 ? "survey" : "study"),
                  "we measure speed",
                  LocalDate.of(2024, 1, 8).plusDays(i % 5),
                  i)));
    }
    // one paper that breaks a validation rule (empty title) and one record that is not Avro at all
    papers.add(
        KeyValue.pair(
            "2401.39999", paper("2401.39999", " ", "no title", LocalDate.of(2024, 1, 9), 0)));
    cluster.publish(config.topics().papers(), papers);
    cluster.publishRaw(
        config.topics().papers(),
        "junk".getBytes(StandardCharsets.UTF_8),
        "not avro".getBytes(StandardCharsets.UTF_8));
    awaitCaughtUp();
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    cluster.close();
  }

  @Test
  @Order(1)
  void healthAndReadinessFollowTheStreamsState() throws Exception {
    JsonNode health = http.getOk(node.url() + "/health");
    assertThat(health.get("status").asText()).isEqualTo("UP");
    JsonNode ready = http.getOk(node.url() + "/ready");
    assertThat(ready.get("state").asText()).isEqualTo("RUNNING");
    assertThat(ready.get("ready").asBoolean()).isTrue();
  }

  @Test
  @Order(2)
  void aClientConnectedBeforeANewPaperReceivesTheChangedRanking() throws Exception {
    try (SseListener listener =
        new SseListener(node.url() + "/api/trending/stream?granularity=week")) {
      SseListener.Event snapshot =
          listener.await(e -> e.name().equals("trending"), Duration.ofSeconds(10));
      assertThat(snapshot).as("current ranking sent on connect").isNotNull();
      assertThat(listener.status()).isEqualTo(200);
      assertThat(HttpJson.parse(snapshot.data()).get("bucketStart").asText())
          .isEqualTo("2024-01-08");

      // a paper in a later week makes that week the latest ranking, led by the paper's own words
      long published = System.nanoTime();
      cluster.publish(
          config.topics().papers(),
          List.of(
              KeyValue.pair(
                  "2401.40000",
                  paper(
                      "2401.40000",
                      "Zeppelin navigation",
                      "we fly",
                      LocalDate.of(2024, 1, 17),
                      5))));
      SseListener.Event update =
          listener.await(
              e -> e.name().equals("trending") && e.data().contains("zeppelin"),
              Duration.ofSeconds(10));
      assertThat(update).as("update pushed after the new paper").isNotNull();
      JsonNode ranking = HttpJson.parse(update.data());
      assertThat(ranking.get("bucketStart").asText()).isEqualTo("2024-01-15");
      Set<String> tags = new java.util.HashSet<>();
      ranking.get("tags").forEach(tag -> tags.add(tag.get("tag").asText()));
      assertThat(tags).contains("zeppelin", "navigation");
      assertThat(Duration.ofNanos(update.receivedNanos() - published))
          .isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  @Order(3)
  void metricsAreValidPrometheusTextWithKafkaStreamsAndPipelineMeters() throws Exception {
    HttpResponse<String> response = http.get(node.url() + "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    List<PrometheusText.Sample> samples = PrometheusText.parse(response.body());
    Set<String> names =
        samples.stream().map(PrometheusText.Sample::name).collect(Collectors.toSet());

    // Kafka Streams' own metrics (client, threads, its embedded clients) and the admin client's
    assertThat(names)
        .contains("kafka_stream_alive_stream_threads", "kafka_stream_thread_process_total");
    assertThat(names).anyMatch(name -> name.startsWith("kafka_consumer_"));
    assertThat(names).anyMatch(name -> name.startsWith("kafka_producer_"));
    assertThat(names).anyMatch(name -> name.startsWith("kafka_admin_client_"));

    // twelve valid papers at the start, one more in the SSE test
    assertThat(value(samples, "paperpulse_papers_processed_total", "outcome", "added"))
        .isEqualTo(13);
    assertThat(value(samples, "paperpulse_paper_tags_count", null, null)).isEqualTo(13);
    assertThat(value(samples, "paperpulse_records_invalid_total", "reason", "empty-title"))
        .isEqualTo(1);
    assertThat(value(samples, "paperpulse_records_invalid_total", "reason", "deserialization"))
        .isEqualTo(1);
    assertThat(value(samples, "paperpulse_dlq_records_total", "stage", "validation")).isEqualTo(1);
    assertThat(value(samples, "paperpulse_dlq_records_total", "stage", "deserialization"))
        .isEqualTo(1);
    assertThat(value(samples, "paperpulse_count_update_latency_seconds_count", null, null))
        .isPositive();
    assertThat(value(samples, "paperpulse_count_update_latency_seconds_max", null, null))
        .isBetween(0.0, 60.0);
  }

  @Test
  @Order(4)
  void kafkaMetersAreRemovedOnCloseAndNotDuplicatedByARestart(@TempDir Path otherState)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PaperPulseStreamsConfig other =
        config.with(
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-restarted",
                PaperPulseStreamsConfig.STATE_DIR_CONFIG,
                otherState.toString()));
    Set<String> firstRun;
    try (PaperPulseStreamsApp app =
        new PaperPulseStreamsApp(other, new VocabularyTagger(), registry)) {
      app.start();
      AppWait.running(app, Duration.ofSeconds(60));
      firstRun = kafkaMeterNames(registry);
      assertThat(firstRun).isNotEmpty();
    }
    assertThat(kafkaMeterNames(registry)).as("Kafka meters left after close").isEmpty();
    try (PaperPulseStreamsApp app =
        new PaperPulseStreamsApp(other, new VocabularyTagger(), registry)) {
      app.start();
      AppWait.running(app, Duration.ofSeconds(60));
      // Which single meters a client has depends on what it has done so far (per-node meters once
      // it has talked to the node, per-partition ones while it fetches), so the check is on what
      // is bound: every group of meters again after a restart, and none left after each close.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(meterGroups(kafkaMeterNames(registry)))
                      .containsAll(meterGroups(firstRun)));
    }
    assertThat(kafkaMeterNames(registry)).isEmpty();
  }

  @Test
  @Order(5)
  void aNodeWhosePortIsTakenFailsAndLeavesNoClientOrServerRunning(@TempDir Path otherState) {
    PaperPulseStreamsConfig other =
        config.with(
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-port-taken",
                PaperPulseStreamsConfig.STATE_DIR_CONFIG,
                otherState.toString()));
    Map<String, Long> threadsBefore = threadsByName();
    // the server starts beside the application's preparation; its failure must close that too
    assertThatThrownBy(
            () ->
                StreamsNode.start(
                    other, new VocabularyTagger(), StreamsNode.HttpSettings.onPort(node.port())))
        .hasMessageContaining(String.valueOf(node.port()));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .untilAsserted(
            () ->
                threadsByName()
                    .forEach(
                        (name, count) ->
                            assertThat(count)
                                .as("threads named %s", name)
                                .isLessThanOrEqualTo(threadsBefore.getOrDefault(name, 0L))));
  }

  @Test
  @Order(6)
  void aNodeWhoseTopicsCannotBeCreatedFailsAndFreesItsPort(@TempDir Path otherState)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    PaperPulseStreamsConfig unplaceable =
        config.with(
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-no-topics",
                PaperPulseStreamsConfig.STATE_DIR_CONFIG,
                otherState.toString(),
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "unplaceable.",
                // more replicas than the test cluster has brokers
                PaperPulseStreamsConfig.REPLICATION_FACTOR_CONFIG,
                3));
    assertThatThrownBy(
            () ->
                StreamsNode.start(
                    unplaceable, new VocabularyTagger(), StreamsNode.HttpSettings.onPort(port)))
        .hasMessageContaining("unplaceable.");
    // the server that started beside the failed preparation is closed again
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  /** How many live threads have each name, the numbers that tell clients apart dropped. */
  private static Map<String, Long> threadsByName() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .collect(
            Collectors.groupingBy(
                t -> t.getName().replaceAll("[0-9]+", "N"), Collectors.counting()));
  }

  private static Set<String> kafkaMeterNames(SimpleMeterRegistry registry) {
    return registry.getMeters().stream()
        .map(m -> m.getId().getName())
        .filter(name -> name.startsWith("kafka."))
        .collect(Collectors.toSet());
  }

  /**
   * A meter's group is the client and Kafka metric group it belongs to: kafka.producer.request.
   * Per-connection groups (kafka.producer.node) are left out: a client has them only once it has
   * connected to a node, and Micrometer's binder adds metrics that appear after it was bound only
   * at its next refresh, every 60 s, so whether a run shows them depends on timing alone.
   */
  private static Set<String> meterGroups(Set<String> meterNames) {
    return meterNames.stream()
        .map(name -> String.join(".", Arrays.asList(name.split("\\.")).subList(0, 3)))
        .filter(group -> !group.endsWith(".node"))
        .collect(Collectors.toSet());
  }

  private static double value(
      List<PrometheusText.Sample> samples, String name, String label, String labelValue) {
    assertThat(samples)
        .as("samples of %s", name)
        .anyMatch(
            s ->
                s.name().equals(name)
                    && (label == null || labelValue.equals(s.labels().get(label))));
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> label == null || labelValue.equals(s.labels().get(label)))
        .mapToDouble(PrometheusText.Sample::value)
        .sum();
  }

  private static void awaitCaughtUp() throws InterruptedException {
    AppWait.caughtUp(node.app(), TIMEOUT);
  }
}
