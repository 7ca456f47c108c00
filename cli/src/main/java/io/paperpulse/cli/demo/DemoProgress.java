package io.paperpulse.cli.demo;

import io.paperpulse.cli.StopSignal;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the demo's streams application: waits until everything published is processed and the
 * trending store shows it, then (when the demo keeps running) notices when new input changes the
 * rankings. Polls, and returns early when the user stops the demo.
 */
final class DemoProgress {

  private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);
  private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(2);
  private static final Set<KafkaStreams.State> FAILED =
      Set.of(
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR,
          KafkaStreams.State.NOT_RUNNING);

  /** How many of the latest years with papers the report holds, and how many top papers of each. */
  record Shown(int years, int papers) {}

  private final PaperPulseStreamsApp app;
  private final StopSignal stop;

  DemoProgress(PaperPulseStreamsApp app, StopSignal stop) {
    this.app = app;
    this.stop = stop;
  }

  /**
   * The rankings once the application has caught up with everything written so far; null when the
   * user stopped the demo first.
   *
   * @param expectRankings true when papers were published, so an empty store means "not yet" rather
   *     than "nothing to show"
   */
  TrendingReport awaitReport(Shown shown, boolean expectRankings) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (!stop.isRequested()) {
      TrendingReport report = readIfCaughtUp(shown);
      if (report != null && (!expectRankings || !report.isEmpty())) {
        return report;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the streams application did not catch up within "
                + CATCH_UP_TIMEOUT.toSeconds()
                + " s (state "
                + app.state()
                + ")");
      }
      stop.await(CATCH_UP_POLL);
    }
    return null;
  }

  /** Until the demo is stopped: hands every changed set of rankings to {@code changed}. */
  void onEachChange(TrendingReport printed, Shown shown, Consumer<TrendingReport> changed)
      throws InterruptedException {
    TrendingReport last = printed;
    while (!stop.await(REFRESH_INTERVAL)) {
      TrendingReport now = readIfCaughtUp(shown);
      if (now != null && !now.equals(last)) {
        changed.accept(now);
        last = now;
      }
    }
  }

  /** The rankings when nothing is left to process, null while processing or rebalancing. */
  private TrendingReport readIfCaughtUp(Shown shown) throws InterruptedException {
    KafkaStreams.State state = app.state();
    if (FAILED.contains(state)) {
      throw new IllegalStateException(
          "Kafka Streams stopped (state " + state + "); the log above says why");
    }
    try {
      return app.isCaughtUp() ? TrendingReport.read(app, shown.years(), shown.papers()) : null;
    } catch (InvalidStateStoreException e) {
      LOG.debug("trending store not queryable yet", e);
      return null;
    }
  }
}
