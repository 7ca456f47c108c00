package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.sample.BundledSample;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.app.StreamsAppConfig;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.testing.HeadlessChromium;
import io.paperpulse.streams.testing.Papers;
import io.paperpulse.streams.testing.TestCluster;
import io.paperpulse.tagging.PaperTagger;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard in a real (headless) browser over the bundled sample, with screenshots in target/. */
class DashboardBrowserTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path stateDir;
  private static TestCluster cluster;
  private static StreamsNode node;
  private static StreamsAppConfig config;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start();
    config = StreamsAppConfig.defaults(cluster.bootstrapServers(), cluster.registryUrl(), stateDir)
        .withApplicationId("paperpulse-dashboard")
        .withTopicPrefix("dash.")
        .withTopicLayout(2, (short) 1);
    node = StreamsNode.start(config, PaperTagger.withDefaultTaxonomy(), StreamsNode.HttpSettings.onPort(0));
    cluster.publish(config.topics().papers(), sample());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!node.app().isCaughtUp()) {
      assertThat(node.app().state()).isNotIn(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);
      assertThat(System.nanoTime()).as("caught up within %s", TIMEOUT).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    cluster.close();
  }

  @Test
  void theRenderedDashboardShowsTheSamplesTopTagsAndFollowsNewPapers(@TempDir Path scratch) throws Exception {
    TrendingTags latestWeek = node.app().queries().latest(Granularity.WEEK).orElseThrow();
    List<String> top = latestWeek.getTags().stream().limit(5).map(TrendingTag::getTag).toList();
    assertThat(top).hasSize(5);

    try (HeadlessChromium chromium = HeadlessChromium.start(scratch)) {
      chromium.viewport(1280, 900, false);
      chromium.open(node.url() + "/");
      // the ranking is drawn, the selected tag's history fetched, and the live stream connected
      String dom = chromium.awaitDom(
          html -> html.contains("peak bucket") && html.contains("class=\"live on\""), Duration.ofSeconds(30));
      assertThat(dom).contains("Trending tags", latestWeek.getBucketStart().toString());
      for (String tag : top) {
        assertThat(dom).as("rendered DOM shows top tag '%s'", tag).contains(escapeHtml(tag));
      }
      chromium.screenshot(Path.of("target", "dashboard.png"));

      // a paper in a later week reaches the open page through Server-Sent Events
      LocalDate nextWeek = latestWeek.getBucketStart().plusWeeks(1);
      assertThat(dom).doesNotContain(nextWeek.toString());
      cluster.publish(config.topics().papers(), List.of(KeyValue.pair("2412.99999", Papers.paper("2412.99999",
          "Holographic tokenizers", "tokenizers for holograms", nextWeek, 3))));
      chromium.awaitDom(html -> html.contains(nextWeek.toString()) && html.contains("tokenizer"), Duration.ofSeconds(20));

      chromium.viewport(390, 844, true);
      chromium.open(node.url() + "/");
      chromium.awaitDom(html -> html.contains("peak bucket"), Duration.ofSeconds(30));
      chromium.screenshot(Path.of("target", "dashboard-phone.png"));
    }
    assertThat(Path.of("target", "dashboard.png")).isNotEmptyFile();
  }

  private static List<KeyValue<String, PaperEvent>> sample() throws Exception {
    String text;
    try (InputStream in = BundledSample.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParsedInput parsed = InputReader.read(
        text, InputFormat.HF_PAGE, new ParseContext(BundledSample.NAME, BundledSample.asOf(), Instant.now()));
    assertThat(parsed.papers()).hasSize(48);
    return parsed.papers().stream().map(paper -> KeyValue.pair(paper.id(), paper.event())).toList();
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
