package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.it.support.PaperStreamGenerator;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.ChildJvm.Terminated;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import io.paperpulse.testsupport.TopicContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command that runs until stopped, started as a real {@code paperpulse} process and sent
 * SIGTERM as {@code docker stop} or the end of a Kubernetes grace period would: it must exit with
 * code 0 within 5 s of the signal, print its one-line summary, and log no ERROR. The children log
 * with the application's own logging configuration, so their output is what a user sees.
 */
@Tag(FaultTests.TAG)
class SigtermTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(SigtermTest.class);
  // half of docker stop's 10 s grace: streams' close (a commit, the group leave) took up to 2.2 s
  // in a freshly started JVM on two slower cores
  private static final Duration LIMIT = Duration.ofSeconds(5);

  /**
   * How long a child may take to exit before it is killed and the test fails, instead of hanging.
   */
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final List<String> APP_LOGGING =
      List.of("-Dlogback.configurationFile=logback.xml");
  private static final AtomicInteger TOPICS = new AtomicInteger();

  @TempDir Path workDir;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /**
   * Holds the answers that hang on purpose (slow feed, open event stream) until the test is over.
   */
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopServer() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void produceFollowingAFeedStopsWhileWaitingForTheNextRound() throws Exception {
    String topic = newTopic();
    String feed = serveFeed("daily-papers.json", "application/json", false);
    Path childLog = childLog("produce-waiting");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            connected("produce", "--topic", topic, "--url", feed, "--every", "5s"));
    awaitCommitted(topic, 3, child, childLog);

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop(
        "produce (waiting)",
        stopped,
        childLog,
        "produce: stopped following " + feed + " \\(\\d+ rounds?, 3 papers published\\)");
    assertThat(TopicContents.readCommitted(clientProperties(), topic)).hasSize(3);
  }

  @Test
  void produceFollowingAFeedStopsWithADownloadInFlight() throws Exception {
    String topic = newTopic();
    String feed = serveFeed("arxiv-feed.xml", "application/atom+xml", true);
    Path childLog = childLog("produce-downloading");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            connected("produce", "--topic", topic, "--url", feed, "--every", "1s"));
    awaitCommitted(topic, 2, child, childLog);
    // the second round's download is the one the feed never answers
    awaitTrue(() -> requests.get() >= 2, "a second download under way", child, childLog);
    Thread.sleep(200);

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop(
        "produce (downloading)",
        stopped,
        childLog,
        "produce: stopped following " + feed + " \\(1 round, 2 papers published\\)");
  }

  @Test
  void generateAtARateStopsAndEverythingItCountedIsOnTheTopic() throws Exception {
    String topic = newTopic();
    Path childLog = childLog("generate");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            connected("generate", "--topic", topic, "--count", "100000", "--rate", "40"));
    awaitCommitted(topic, 20, child, childLog);

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    String summary =
        assertCleanStop(
            "generate",
            stopped,
            childLog,
            "generated (\\d+) events \\(.*\\) in .*; stopped before the requested count");
    Matcher sent = Pattern.compile("generated (\\d+) events").matcher(summary);
    assertThat(sent.find()).isTrue();
    assertThat(TopicContents.readCommitted(clientProperties(), topic))
        .as("events on the topic: the summary's count, all acknowledged before the exit")
        .hasSize(Integer.parseInt(sent.group(1)));
  }

  @Test
  void streamsStopsWhilePapersFlow() throws Exception {
    String applicationId = "sigterm-streams";
    String prefix = "sigterm-";
    String papers = prefix + "papers";
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(List.of(new NewTopic(papers, 1, (short) 1))).all().get();
    }
    Path childLog = childLog("streams");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            connected(
                "streams",
                "--topic-prefix",
                prefix,
                "--application-id",
                applicationId,
                "--state-dir",
                workDir.resolve("streams-state").toString(),
                "--http-port",
                "0",
                "--partitions",
                "1",
                "--granularities",
                "month"));
    CompletableFuture<GenerateResult> generator = null;
    Terminated stopped;
    try (Admin admin = Admin.create(clientProperties())) {
      GroupProgress progress = new GroupProgress(admin, applicationId, papers);
      progress.awaitGroupStable(STARTUP);
      generator =
          PaperStreamGenerator.start(
              clientProperties(),
              registry.client(),
              GenerateOptions.of(papers, 600, 7).withRate(100));
      // stop once the application is committing, with papers still arriving
      progress.awaitCommittedBeyond(0, STARTUP);
      Thread.sleep(1_200);
      assertThat(generator.isDone()).as("papers still flowing at the signal").isFalse();
      stopped = ChildJvm.terminate(child, PATIENCE);
    } finally {
      if (child.isAlive()) {
        ChildJvm.kill(child);
      }
      if (generator != null) {
        generator.get(1, TimeUnit.MINUTES);
      }
    }

    assertCleanStop(
        "streams",
        stopped,
        childLog,
        "streams: stopped after processing [1-9]\\d* records; "
            + "Kafka Streams closed with its work committed, state kept in .*");
  }

  @Test
  void localClusterStopsAndItsDataDirectoryServesTheNextStart() throws Exception {
    Path dataDir = workDir.resolve("local-cluster");
    List<String> args =
        List.of(
            "local-cluster",
            "--kafka-port",
            "0",
            "--registry-port",
            "0",
            "--data-dir",
            dataDir.toString());
    Path childLog = childLog("local-cluster");
    Process child = ChildJvm.start(childLog, APP_LOGGING, args);
    String bootstrap = awaitValue(childLog, "bootstrap.servers=", child);
    awaitValue(childLog, "schema.registry.url=", child);
    Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i)).get();
      }
    }

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop(
        "local-cluster",
        stopped,
        childLog,
        Pattern.quote("local-cluster: stopped; data kept in " + dataDir.toAbsolutePath()));
    Path againLog = childLog("local-cluster-again");
    Process again = ChildJvm.start(againLog, APP_LOGGING, args);
    try {
      String restarted = awaitValue(againLog, "bootstrap.servers=", again);
      assertThat(TopicContents.readCommitted(Map.of("bootstrap.servers", restarted), "kept"))
          .as("records acknowledged before the SIGTERM, after the restart")
          .hasSize(3);
    } finally {
      Terminated second = ChildJvm.terminate(again, PATIENCE);
      assertThat(second.exitCode()).as("second run's exit code, see %s", againLog).isZero();
    }
  }

  @Test
  void demoStopsAndDeletesItsTemporaryData() throws Exception {
    Path childLog = childLog("demo");
    Process child = ChildJvm.start(childLog, APP_LOGGING, List.of("demo", "--http-port", "0"));
    awaitTrue(
        () -> read(childLog).contains("running until Ctrl-C"), "the demo running", child, childLog);
    Matcher workspace =
        Pattern.compile("Schema Registry in (\\S+) \\(deleted on exit\\)").matcher(read(childLog));
    assertThat(workspace.find()).as("workspace line in %s", childLog).isTrue();

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop("demo", stopped, childLog, "demo: stopped; temporary data deleted");
    assertThat(Path.of(workspace.group(1))).doesNotExist();
  }

  @Test
  void watchStopsWithTheStreamOpen() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(daemonThreads());
    server.createContext(
        "/api/trending/stream",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write(
              ("event: trending\ndata: " + ranking() + "\n\n").getBytes(StandardCharsets.UTF_8));
          body.flush();
          // an instance with nothing new to say keeps the stream open
          awaitRelease();
          exchange.close();
        });
    server.start();
    Path childLog = childLog("watch");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            List.of(
                "watch",
                "--url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "--no-clear"));
    awaitTrue(
        () -> read(childLog).contains("trending tags"), "the first ranking drawn", child, childLog);

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop("watch", stopped, childLog, "watch: stopped after 1 update");
  }

  @Test
  void digestRepeatingStopsBetweenRounds() throws Exception {
    String api = serveDigestApi();
    try (SmtpServer smtp = SmtpServer.start()) {
      Path childLog = childLog("digest-waiting");
      Process child =
          ChildJvm.start(
              childLog,
              APP_LOGGING,
              List.of(
                  "digest",
                  "--url",
                  api,
                  "--smtp-host",
                  "127.0.0.1",
                  "--smtp-port",
                  Integer.toString(smtp.port()),
                  "--to",
                  "ops@example.org",
                  "--every",
                  "1s"));
      awaitTrue(() -> smtp.received() >= 2, "two digests received", child, childLog);
      // the server has a mail a moment before the child hears back: signal between rounds, once it
      // has reported
      awaitTrue(
          () -> sentLines(childLog) >= smtp.received(),
          "the child reporting its sends",
          child,
          childLog);

      Terminated stopped = ChildJvm.terminate(child, PATIENCE);

      String summary =
          assertCleanStop(
              "digest (waiting)", stopped, childLog, "digest: stopped after \\d+ digests sent");
      assertThat(summary).isEqualTo("digest: stopped after " + smtp.received() + " digests sent");
    }
  }

  @Test
  void digestStopsWhileWaitingToRetryASend() throws Exception {
    String api = serveDigestApi();
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path childLog = childLog("digest-retrying");
    Process child =
        ChildJvm.start(
            childLog,
            APP_LOGGING,
            List.of(
                "digest",
                "--url",
                api,
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                Integer.toString(closedPort),
                "--to",
                "ops@example.org",
                "--every",
                "1h",
                "--send-attempts",
                "5",
                "--retry-delay",
                "30s"));
    awaitTrue(
        () -> read(childLog).contains("attempt 1 of 5 at sending failed"),
        "a failed first send",
        child,
        childLog);

    Terminated stopped = ChildJvm.terminate(child, PATIENCE);

    assertCleanStop(
        "digest (retrying)",
        stopped,
        childLog,
        Pattern.quote("digest: stopped after 0 digests sent; the digest under way was abandoned"));
  }

  /**
   * Serves the three endpoints a digest reads, as a streams instance would answer them for one
   * week.
   */
  private String serveDigestApi() throws IOException {
    byte[] trending = ranking().getBytes(StandardCharsets.UTF_8);
    byte[] papers =
        ("{\"granularity\":\"week\",\"bucketStart\":\"2024-01-08\",\"bucketEnd\":\"2024-01-15\","
                + "\"tag\":null,\"papers\":[{\"rank\":1,\"id\":\"2401.00001\",\"title\":\"Agents that plan\","
                + "\"upvotes\":12,\"publishedAt\":\"2024-01-09T00:00:00Z\",\"url\":\"https://arxiv.org/abs/2401.00001\","
                + "\"tags\":[\"agents\"]}]}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] alerts =
        ("{\"granularity\":\"week\",\"bucketStart\":\"2024-01-08\",\"bucketEnd\":\"2024-01-15\","
                + "\"alerts\":[{\"tag\":\"agents\",\"kind\":\"TOPIC\",\"granularity\":\"week\",\"bucketStart\":\"2024-01-08\","
                + "\"bucketEnd\":\"2024-01-15\",\"paperCount\":5,\"upvoteSum\":3,\"baseline\":0.5,\"score\":3.2}]}")
            .getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(daemonThreads());
    server.createContext(
        "/api/trending", exchange -> answer(exchange, "application/json", trending));
    server.createContext("/api/papers", exchange -> answer(exchange, "application/json", papers));
    server.createContext("/api/alerts", exchange -> answer(exchange, "application/json", alerts));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static long sentLines(Path childLog) {
    return read(childLog).lines().filter(line -> line.startsWith("digest: sent ")).count();
  }

  /** GreenMail's SMTP server in this JVM, on a free port. */
  private record SmtpServer(GreenMail mail) implements AutoCloseable {

    static SmtpServer start() {
      GreenMail mail =
          new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      mail.start();
      return new SmtpServer(mail);
    }

    int port() {
      return mail.getSmtp().getPort();
    }

    int received() {
      return mail.getReceivedMessages().length;
    }

    @Override
    public void close() {
      mail.stop();
    }
  }

  /**
   * Exit code 0 within {@link #LIMIT}, a line matching {@code summary}, no ERROR and no sign of an
   * interrupted Kafka client; returns the summary line.
   */
  private static String assertCleanStop(
      String command, Terminated stopped, Path childLog, String summary) throws IOException {
    String output = read(childLog);
    log.info(
        "{}: exit code {}, {} ms from SIGTERM to exit",
        command,
        stopped.exitCode(),
        stopped.took().toMillis());
    assertThat(stopped.exitCode())
        .as("%s: exit code after SIGTERM, see %s", command, childLog)
        .isZero();
    assertThat(stopped.took())
        .as("%s: time from SIGTERM to exit, see %s", command, childLog)
        .isLessThanOrEqualTo(LIMIT);
    List<String> lines = output.lines().toList();
    assertThat(lines)
        .as("%s: ERROR lines in %s", command, childLog)
        .noneMatch(line -> line.contains("ERROR"));
    assertThat(lines)
        .as("%s: interrupted work in %s", command, childLog)
        .noneMatch(line -> line.contains("Interrupt"));
    Pattern pattern = Pattern.compile(summary);
    List<String> matching = lines.stream().filter(line -> pattern.matcher(line).matches()).toList();
    assertThat(matching).as("%s: summary line in %s", command, childLog).hasSize(1);
    return matching.get(0);
  }

  /**
   * Serves a feed fixture; with {@code hangAfterFirst}, every later request waits until the test is
   * over.
   */
  private String serveFeed(String fixture, String contentType, boolean hangAfterFirst)
      throws IOException {
    byte[] body;
    try (InputStream in = SigtermTest.class.getResourceAsStream("/feeds/" + fixture)) {
      body = in.readAllBytes();
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(daemonThreads());
    server.createContext(
        "/feed",
        exchange -> {
          if (requests.incrementAndGet() > 1 && hangAfterFirst) {
            awaitRelease();
            exchange.close();
            return;
          }
          answer(exchange, contentType, body);
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
  }

  private static void answer(HttpExchange exchange, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void awaitRelease() {
    try {
      release.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.Executor daemonThreads() {
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "sigterm-test-http");
          thread.setDaemon(true);
          return thread;
        });
  }

  private static String ranking() {
    List<String> entries = new ArrayList<>();
    String[] tags = {"agents", "diffusion", "robotics"};
    for (int i = 0; i < tags.length; i++) {
      entries.add(
          "{\"rank\":"
              + (i + 1)
              + ",\"tag\":\""
              + tags[i]
              + "\",\"kind\":\"TOPIC\",\"paperCount\":"
              + (5 - i)
              + ",\"upvoteSum\":3,\"score\":1.5}");
    }
    return "{\"granularity\":\"week\",\"bucketStart\":\"2024-01-08\",\"bucketEnd\":\"2024-01-15\",\"tags\":["
        + String.join(",", entries)
        + "]}";
  }

  private static String newTopic() throws Exception {
    String topic = "sigterm-feed-" + TOPICS.incrementAndGet();
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  private static Map<String, Object> clientProperties() {
    return Map.of("bootstrap.servers", cluster.bootstrapServers());
  }

  private static Path childLog(String name) throws IOException {
    Path childLog = Path.of("target", "sigterm-" + name + ".log");
    Files.deleteIfExists(childLog);
    return childLog;
  }

  private static String read(Path childLog) {
    try {
      return Files.exists(childLog) ? Files.readString(childLog) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until read_committed consumers can see {@code count} records on the one-partition topic.
   */
  private static void awaitCommitted(String topic, long count, Process child, Path childLog)
      throws Exception {
    try (Admin admin = Admin.create(clientProperties())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      awaitTrue(
          () -> {
            try {
              return admin
                      .listOffsets(
                          Map.of(partition, OffsetSpec.latest()),
                          new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                      .all()
                      .get()
                      .get(partition)
                      .offset()
                  >= count;
            } catch (Exception e) {
              return false;
            }
          },
          count + " committed records on " + topic,
          child,
          childLog);
    }
  }

  /** The value of the first {@code key=value} line the child printed for {@code key}. */
  private static String awaitValue(Path childLog, String key, Process child)
      throws InterruptedException {
    awaitTrue(
        () -> read(childLog).lines().anyMatch(line -> line.startsWith(key)), key, child, childLog);
    return read(childLog)
        .lines()
        .filter(line -> line.startsWith(key))
        .findFirst()
        .orElseThrow()
        .substring(key.length());
  }

  private static void awaitTrue(
      java.util.function.BooleanSupplier condition, String what, Process child, Path childLog) {
    await(what + ", see " + childLog)
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (condition.getAsBoolean()) {
                return true;
              }
              assertThat(child.isAlive())
                  .as("child still running while waiting for %s, see %s", what, childLog)
                  .isTrue();
              return false;
            });
  }
}
