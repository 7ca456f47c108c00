package io.paperpulse.producer.feed;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
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

    /** A follower with a default HTTP client and {@link RetryBackoff#DEFAULT}. */
    public FeedFollower(URI url, InputFormat format, PaperPublisher publisher) {
        this(url, format, publisher, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), RetryBackoff.DEFAULT, Clock.systemUTC());
    }

    public FeedFollower(URI url, InputFormat format, PaperPublisher publisher, HttpClient http, RetryBackoff backoff,
                        Clock clock) {
        this.url = url;
        this.format = format;
        this.publisher = publisher;
        this.fetcher = new FeedFetcher(http, backoff);
        this.clock = clock;
    }

    /** One round: fetch (with retries), parse, publish what is new or changed. */
    public FeedRound pollOnce() throws InterruptedException {
        String content;
        try {
            content = fetcher.fetch(url);
        } catch (FeedFetcher.FeedUnavailableException e) {
            LOG.warn("{}", e.getMessage());
            return FeedRound.unavailable(e.getMessage());
        }
        ParsedInput input = InputReader.read(content, format, new ParseContext(url.toString(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), clock.instant()));
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
        }
        FeedRound round = new FeedRound(input.papers().size(),
                report.outcome() == PublishReport.Outcome.COMMITTED ? changed.size() : 0, input.errors(), report, null);
        LOG.info("{}", round.summary());
        return round;
    }

    /**
     * Polls now and then every {@code every} until the thread is interrupted or the publisher is
     * stopped by a fatal Kafka error.
     *
     * @return false when stopped by a fatal Kafka error, true when interrupted
     */
    public boolean run(Duration every) {
        LOG.info("following {} every {}", url, every);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = clock.millis();
                pollOnce();
                if (publisher.stopped()) {
                    LOG.error("stopped following {}: the Kafka producer hit a fatal error", url);
                    return false;
                }
                long wait = every.toMillis() - (clock.millis() - started);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped following {}", url);
        return true;
    }
}
