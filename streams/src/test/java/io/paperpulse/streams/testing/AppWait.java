package io.paperpulse.streams.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperpulse.streams.app.PaperPulseStreamsApp;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** Waits for the streams application of a test, failing at once if it fails. */
public final class AppWait {

  private AppWait() {}

  /** Until the application has processed everything on its input topics. */
  public static void caughtUp(PaperPulseStreamsApp app, Duration timeout) {
    await("caught up")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(app.state())
                  .isNotIn(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);
              return app.isCaughtUp();
            });
  }

  /** Until the application is RUNNING. */
  public static void running(PaperPulseStreamsApp app, Duration timeout) {
    await("RUNNING")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(app::state, state -> state == KafkaStreams.State.RUNNING);
  }
}
