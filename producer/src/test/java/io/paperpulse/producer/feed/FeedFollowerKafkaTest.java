package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.TransactionalIds;
import io.paperpulse.producer.testing.ManualStop;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedFollowerKafkaTest extends SingleBrokerTestBase {

  private static final RetryBackoff FAST =
      new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(40), 3);

  /** Answers queued (status, body) pairs in order; the last one repeats. */
  private final Deque<Object[]> answers = new ArrayDeque<>();

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private URI feedUrl;

  @BeforeEach
  void serveFeed() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/daily_papers",
        exchange -> {
          requests.incrementAndGet();
          Object[] answer;
          synchronized (answers) {
            answer = answers.size() > 1 ? answers.poll() : answers.peek();
          }
          byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders((Integer) answer[0], body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    // Threads of their own, so a feed that hangs on purpose does not hold up the server's stop.
    server.setExecutor(
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "test-feed");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    feedUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/daily_papers");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void publishesNewAndChangedPapersOnly() throws Exception {
    String topic = cluster.newTopic("feed");
    String feed = fixture("daily-papers.json");
    answer(200, feed);
    try (PaperPublisher publisher = publisher(topic)) {
      FeedFollower follower = follower(publisher);

      FeedRound first = follower.pollOnce();
      assertThat(first.succeeded()).isTrue();
      assertThat(first.sent()).isEqualTo(3);

      FeedRound identical = follower.pollOnce();
      assertThat(identical.papers()).isEqualTo(3);
      assertThat(identical.sent()).isZero();
      assertThat(identical.report()).isNull();

      synchronized (answers) {
        answers.clear();
      }
      answer(200, feed.replace("\"upvotes\": 41", "\"upvotes\": 57"));
      FeedRound changed = follower.pollOnce();
      assertThat(changed.sent()).isEqualTo(1);
    }
    List<ConsumerRecord<String, PaperEvent>> records = cluster.readPapers(topic);
    assertThat(records).hasSize(4);
    assertThat(records.get(3).key()).isEqualTo("2401.02954");
    assertThat(records.get(3).value().getUpvotes()).isEqualTo(57);
  }

  @Test
  void serverErrorIsRetriedWithinTheRound() throws Exception {
    String topic = cluster.newTopic("feed");
    answer(500, "busy");
    answer(200, fixture("daily-papers.json"));
    try (PaperPublisher publisher = publisher(topic)) {
      FeedRound round = follower(publisher).pollOnce();
      assertThat(round.succeeded()).isTrue();
      assertThat(round.sent()).isEqualTo(3);
    }
    assertThat(requests.get()).isEqualTo(2);
    assertThat(cluster.readPapers(topic)).hasSize(3);
  }

  @Test
  void aFeedDownForAWholeRoundIsReportedAndTheNextRoundRecovers() throws Exception {
    String topic = cluster.newTopic("feed");
    answer(503, "down");
    answer(503, "down");
    answer(503, "down");
    answer(200, fixture("daily-papers.json"));
    try (PaperPublisher publisher = publisher(topic)) {
      FeedFollower follower = follower(publisher);
      FeedRound down = follower.pollOnce();
      assertThat(down.succeeded()).isFalse();
      assertThat(down.fetchError()).contains("failed 3 times").contains("HTTP 503");
      assertThat(follower.pollOnce().sent()).isEqualTo(3);
    }
    assertThat(cluster.readPapers(topic)).hasSize(3);
  }

  @Test
  void invalidEntriesAreSkippedAndReported() throws Exception {
    String topic = cluster.newTopic("feed");
    answer(200, fixture("daily-papers-bad.json"));
    try (PaperPublisher publisher = publisher(topic)) {
      FeedRound round = follower(publisher).pollOnce();
      assertThat(round.sent()).isEqualTo(1);
      assertThat(round.invalid()).hasSize(2);
      assertThat(round.invalid().get(0).describe())
          .startsWith(feedUrl + ":19:18: entry [1] (id 2401.04088): field 'upvotes'");
    }
  }

  @Test
  void runStopsWhenAskedBetweenRounds() throws Exception {
    String topic = cluster.newTopic("feed");
    answer(200, fixture("daily-papers.json"));
    ManualStop stop = new ManualStop();
    FeedFollower follower;
    try (PaperPublisher publisher = publisher(topic)) {
      follower = follower(publisher);
      boolean[] result = new boolean[1];
      // Rounds a minute apart: the stop lands in the wait, which must end at once.
      Thread thread = new Thread(() -> result[0] = follower.run(Duration.ofMinutes(1), stop));
      thread.start();
      await("first round done")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> follower.rounds() >= 1);
      long asked = System.nanoTime();
      stop.request();
      thread.join(10_000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(500));
      assertThat(result[0]).isTrue();
    }
    assertThat(follower.rounds()).isEqualTo(1);
    assertThat(follower.published()).isEqualTo(3);
    assertThat(cluster.readPapers(topic)).hasSize(3);
  }

  @Test
  void aStopAbandonsADownloadInFlight() throws Exception {
    String topic = cluster.newTopic("feed");
    CountDownLatch release = new CountDownLatch(1);
    server.removeContext("/api/daily_papers");
    server.createContext(
        "/api/daily_papers",
        exchange -> {
          requests.incrementAndGet();
          try {
            // A feed that takes far longer to answer than a stop may take.
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    ManualStop stop = new ManualStop();
    try (PaperPublisher publisher = publisher(topic)) {
      FeedFollower follower = follower(publisher);
      boolean[] result = new boolean[1];
      Thread thread = new Thread(() -> result[0] = follower.run(Duration.ofMillis(50), stop));
      thread.start();
      awaitRequests(1);
      long asked = System.nanoTime();
      stop.request();
      thread.join(10_000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(500));
      assertThat(result[0]).isTrue();
      assertThat(follower.rounds()).isZero();
    } finally {
      release.countDown();
    }
  }

  private void awaitRequests(int count) {
    await(count + " feed requests")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> requests.get() >= count);
  }

  private FeedFollower follower(PaperPublisher publisher) {
    return new FeedFollower(
        feedUrl, InputFormat.AUTO, publisher, HttpClient.newHttpClient(), FAST, Clock.systemUTC());
  }

  private PaperPublisher publisher(String topic) {
    return new PaperPublisher(
        cluster.clientProperties(),
        topic,
        TransactionalIds.forFeed(topic, feedUrl.toString()),
        cluster.paperIdSerializer(),
        cluster.paperSerializer());
  }

  private void answer(int status, String body) {
    synchronized (answers) {
      answers.add(new Object[] {status, body});
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = FeedFollowerKafkaTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
