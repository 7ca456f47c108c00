package io.paperpulse.producer.feed;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.job.StopRequest;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.PublishReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a live feed (Daily Papers JSON or arXiv Atom URL): fetches it on every interval and
 * publishes the papers that are new or changed since the last successful round, each round in one
 * transaction. Network errors and invalid entries are reported and never end the follower; only a
 * fatal Kafka error (such as being fenced by a newer follower of the same feed) does.
 */
public final class FeedFollower {

  private static final Logger LOG = LoggerFactory.getLogger(FeedFollower.class);

  private final URI url;
  private final InputFormat format;
  private final PaperPublisher publisher;
  private final FeedFetcher fetcher;
  private final Clock clock;
  private final ChangeTracker tracker = new ChangeTracker();
  // Written by the following thread only; volatile so that a monitor (or a test) may read the
  // progress.
  private volatile int rounds;
  private volatile long published;

  /** A follower with a default HTTP client and {@link RetryBackoff#DEFAULT}. */
  public FeedFollower(URI url, InputFormat format, PaperPublisher publisher) {
    this(
        url,
        format,
        publisher,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(),
        RetryBackoff.DEFAULT,
        Clock.systemUTC());
  }

  public FeedFollower(
      URI url,
      InputFormat format,
      PaperPublisher publisher,
      HttpClient http,
      RetryBackoff backoff,
      Clock clock) {
    this.url = url;
    this.format = format;
    this.publisher = publisher;
    this.fetcher = new FeedFetcher(http, backoff);
    this.clock = clock;
  }

  /** One round: fetch (with retries), parse, publish what is new or changed. */
  public FeedRound pollOnce() throws InterruptedException {
    return pollOnce(StopRequest.NEVER);
  }

  /**
   * One round, or null when {@code stop} was requested before the feed was downloaded. Once the
   * feed is in hand the round is finished: its transaction is small (one feed page) and committing
   * it is quicker than working out what an abort would leave for the next run to send again.
   */
  public FeedRound pollOnce(StopRequest stop) throws InterruptedException {
    String content;
    try {
      content = fetcher.fetch(url, stop);
      if (content == null) {
        return null;
      }
    } catch (FeedFetcher.FeedUnavailableException e) {
      LOG.warn("{}", e.getMessage());
      return FeedRound.unavailable(e.getMessage());
    }
    ParsedInput input =
        InputReader.read(
            content,
            format,
            new ParseContext(
                url.toString(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                clock.instant()));
    input.errors().forEach(e -> LOG.warn("skipping invalid feed entry {}", e.describe()));
    List<ParseResult.Paper> changed = tracker.changed(input.papers());
    if (changed.isEmpty()) {
      FeedRound round = new FeedRound(input.papers().size(), 0, input.errors(), null, null);
      LOG.info("{}", round.summary());
      return round;
    }
    PublishReport report = publisher.publish(url.toString(), new ArrayList<>(changed), false);
    if (report.outcome() == PublishReport.Outcome.COMMITTED) {
      tracker.remember(changed);
      published += changed.size();
    }
    FeedRound round =
        new FeedRound(
            input.papers().size(),
            report.outcome() == PublishReport.Outcome.COMMITTED ? changed.size() : 0,
            input.errors(),
            report,
            null);
    LOG.info("{}", round.summary());
    return round;
  }

  /**
   * Polls now and then every {@code every} until {@code stop} is requested (or the thread is
   * interrupted), or the publisher is stopped by a fatal Kafka error. A stop request ends the wait
   * between rounds and a pending download at once; a round that is publishing is committed first.
   *
   * @return false when stopped by a fatal Kafka error, true when asked to stop
   */
  public boolean run(Duration every, StopRequest stop) {
    LOG.info("following {} every {}", url, every);
    try {
      while (!stop.isRequested() && !Thread.currentThread().isInterrupted()) {
        long started = clock.millis();
        if (pollOnce(stop) == null) {
          break;
        }
        rounds++;
        if (publisher.stopped()) {
          LOG.error("stopped following {}: the Kafka producer hit a fatal error", url);
          return false;
        }
        long wait = every.toMillis() - (clock.millis() - started);
        if (wait > 0 && stop.await(Duration.ofMillis(wait))) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The front end reports the stop with the totals; the log only repeats it when verbose.
    LOG.debug("stopped following {}", url);
    return true;
  }

  /**
   * Rounds completed by {@link #run}: fetched (or found unavailable) and, when something changed,
   * published.
   */
  public int rounds() {
    return rounds;
  }

  /** Papers committed to the topic because they were new or changed, over all rounds. */
  public long published() {
    return published;
  }
}
