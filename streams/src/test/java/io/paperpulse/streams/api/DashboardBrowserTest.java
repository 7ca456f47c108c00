package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.sample.BundledSample;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.HttpJson;
import io.paperpulse.streams.testing.Papers;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.testsupport.TestCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real (headless) browser over the bundled sample: the default bucket, moving
 * between buckets, a tag's history and papers, the bucket's top papers, and an alert that arrives
 * while the page is open. Screenshots in target/.
 */
class DashboardBrowserTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STEP = Duration.ofSeconds(30);

  /** Debian's paths, or those of $CHROMIUM and $CHROMEDRIVER. */
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private static final Path CHROMEDRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  /**
   * The dashboard's FEW_PAPERS: a default bucket holds at least this many papers when one of the
   * last weeks does.
   */
  private static final int FEW_PAPERS = 5;

  @TempDir static Path stateDir;
  private static TestCluster cluster;
  private static StreamsNode node;
  private static PaperPulseStreamsConfig config;
  private static List<PaperEvent> sample;
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
                "paperpulse-dashboard",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "dash.",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                2));
    node =
        StreamsNode.start(
            config, PaperTagger.withDefaultTaxonomy(), StreamsNode.HttpSettings.onPort(0));
    sample = sample();
    cluster.publish(
        config.topics().papers(), sample.stream().map(p -> KeyValue.pair(p.getId(), p)).toList());
    AppWait.caughtUp(node.app(), TIMEOUT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    cluster.close();
  }

  @Test
  void browsingBucketsDrillingIntoATagAndALiveAlert() throws Exception {
    // a first visit opens the finest granularity whose recent buckets hold a few papers: the
    // sample's papers are spread over years, one a week, so that is not the week
    Granularity granularity = defaultGranularity();
    assertThat(granularity).isNotEqualTo(Granularity.WEEK);
    LocalDate shown = defaultBucket(granularity);
    String g = granularity.label();
    JsonNode topPapers =
        http.getOk(node.url() + "/api/papers?granularity=" + g + "&bucket=" + shown + "&limit=3");

    ChromeDriver chromium = startChromium();
    try {
      viewport(chromium, 1280, 1000, false);
      chromium.get(node.url() + "/");
      String lastTopTitle =
          escapeHtml(
              topPapers
                  .get("papers")
                  .get(topPapers.get("papers").size() - 1)
                  .get("title")
                  .asText());
      String dom =
          awaitDom(
              chromium,
              html ->
                  html.contains("peak bucket")
                      && html.contains("class=\"live on\"")
                      && html.contains(">" + shown + " – ")
                      && html.contains("data-g=\"" + g + "\" aria-pressed=\"true\"")
                      && html.contains(lastTopTitle),
              STEP);
      for (JsonNode paper : topPapers.get("papers")) {
        assertThat(dom).as("top paper shown").contains(escapeHtml(paper.get("title").asText()));
      }
      screenshot(chromium, Path.of("target", "dashboard.png"));

      // previous and next bucket, and a date to jump to
      LocalDate previous = granularity.previous(shown);
      chromium.findElement(By.id("prev")).click();
      awaitDom(chromium, html -> html.contains(">" + previous + " – "), STEP);
      chromium.findElement(By.id("next")).click();
      awaitDom(chromium, html -> html.contains(">" + shown + " – "), STEP);
      LocalDate jumpTo = granularity.previous(granularity.previous(shown)).plusDays(3);
      chromium.executeScript(
          "var j = document.getElementById('jump'); j.value = '"
              + jumpTo
              + "';"
              + " j.dispatchEvent(new Event('change'))");
      awaitDom(
          chromium, html -> html.contains(">" + granularity.bucketStart(jumpTo) + " – "), STEP);
      TrendingTags ranking = node.app().queries().trending(granularity, shown).orElseThrow();
      String tag = ranking.getTags().get(Math.min(4, ranking.getTags().size() - 1)).getTag();
      chromium.findElement(By.id("next")).click();
      chromium.findElement(By.id("next")).click();
      // the ranking of the bucket shown, not the one before it, is drawn
      awaitDom(
          chromium,
          html ->
              html.contains(">" + shown + " – ")
                  && html.contains("data-tag=\"" + escapeHtml(tag).replace("\"", "&quot;") + "\""),
          STEP);

      // drill-down: a tag's history and its papers in the bucket
      JsonNode tagged =
          http.getOk(
              node.url()
                  + "/api/papers?granularity="
                  + g
                  + "&bucket="
                  + shown
                  + "&tag="
                  + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20"));
      chromium
          .findElement(
              By.cssSelector(
                  "#ranking-chart g.row[data-tag=\"" + tag.replace("\"", "\\\"") + "\"]"))
          .click();
      awaitDom(
          chromium,
          html ->
              html.contains("id=\"history-title\">" + escapeHtml(tag) + "<")
                  && html.contains("Papers tagged “" + escapeHtml(tag) + "”")
                  && html.contains(escapeHtml(tagged.get("papers").get(0).get("title").asText())),
          STEP);
      screenshot(chromium, Path.of("target", "dashboard-tag.png"));

      // a tag takes off in a later bucket while the page is open: the alert arrives, and the newer
      // bucket is offered instead of replacing the one being read
      LocalDate later = granularity.next(latestBucket(granularity));
      List<KeyValue<String, PaperEvent>> burst = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String id = "2499.0000" + i;
        burst.add(
            KeyValue.pair(
                id,
                Papers.paper(
                    id,
                    "Quantum error correction with surface codes " + i,
                    "We study quantum error correction.",
                    later.plusDays(i),
                    5 + i)));
      }
      cluster.publish(config.topics().papers(), burst);
      String alerted =
          awaitDom(
              chromium,
              html ->
                  html.contains("class=\"fresh\"")
                      && html.contains("quantum error correction")
                      && html.contains("newer: " + later),
              STEP);
      assertThat(alerted).contains(">" + shown + " – ");
      screenshot(chromium, Path.of("target", "dashboard-alert.png"));
      chromium.findElement(By.id("newer")).click();
      awaitDom(
          chromium,
          html ->
              html.contains(">" + later + " – ")
                  && html.contains("Quantum error correction with surface codes 2"),
          STEP);

      viewport(chromium, 390, 844, true);
      chromium.get(node.url() + "/");
      awaitDom(chromium, html -> html.contains("peak bucket"), STEP);
      screenshot(chromium, Path.of("target", "dashboard-phone.png"));
    } finally {
      chromium.quit();
    }
    assertThat(Path.of("target", "dashboard.png")).isNotEmptyFile();
  }

  /**
   * Chromium through its chromedriver, both named so that Selenium looks nothing up or downloads.
   * CI installs them, so there their absence fails the test; elsewhere it skips.
   */
  private static ChromeDriver startChromium() {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        String reason = binary + " not found (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail(reason);
        }
        Assumptions.abort(reason);
      }
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--hide-scrollbars");
    return new ChromeDriver(service, options);
  }

  /** Sets the viewport, as on a laptop or a phone. */
  private static void viewport(ChromeDriver chromium, int width, int height, boolean mobile) {
    chromium.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /**
   * Polls the page's DOM until it satisfies {@code condition}; returns it, or fails with the last
   * DOM seen.
   */
  private static String awaitDom(
      ChromeDriver chromium, Predicate<String> condition, Duration timeout) {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      return await("page state")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .pollInSameThread()
          .until(
              () -> (String) chromium.executeScript("return document.documentElement.outerHTML"),
              dom -> condition.test(last.updateAndGet(previous -> dom)));
    } catch (ConditionTimeoutException e) {
      return fail(
          "the page did not reach the expected state within " + timeout + "; DOM:\n" + last);
    }
  }

  private static void screenshot(ChromeDriver chromium, Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, chromium.getScreenshotAs(OutputType.BYTES));
  }

  /** The newest bucket of the sample in a granularity. */
  private static LocalDate latestBucket(Granularity granularity) {
    return sample.stream()
        .map(p -> granularity.bucketStart(p.getPublishedAt()))
        .max(LocalDate::compareTo)
        .orElseThrow();
  }

  private static int papersIn(Granularity granularity, LocalDate bucket) {
    return (int)
        sample.stream()
            .filter(p -> granularity.bucketStart(p.getPublishedAt()).equals(bucket))
            .count();
  }

  /** The first of week, month, year whose last twelve buckets hold one with a few papers. */
  private static Granularity defaultGranularity() {
    for (Granularity granularity : List.of(Granularity.WEEK, Granularity.MONTH, Granularity.YEAR)) {
      if (papersIn(granularity, defaultBucket(granularity)) >= FEW_PAPERS) {
        return granularity;
      }
    }
    return Granularity.WEEK;
  }

  /**
   * Going back up to twelve buckets from the newest: the first with a few papers, else the fullest.
   */
  private static LocalDate defaultBucket(Granularity granularity) {
    LocalDate chosen = latestBucket(granularity);
    LocalDate bucket = chosen;
    for (int i = 0; i < 12; i++, bucket = granularity.previous(bucket)) {
      int count = papersIn(granularity, bucket);
      if (count >= FEW_PAPERS) {
        return bucket;
      }
      if (count > papersIn(granularity, chosen)) {
        chosen = bucket;
      }
    }
    return chosen;
  }

  private static List<PaperEvent> sample() throws Exception {
    String text;
    try (InputStream in = BundledSample.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParsedInput parsed =
        InputReader.read(
            text,
            InputFormat.HF_PAGE,
            new ParseContext(BundledSample.NAME, BundledSample.asOf(), Instant.now()));
    assertThat(parsed.papers()).hasSize(48);
    return parsed.papers().stream().map(paper -> paper.event()).toList();
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
