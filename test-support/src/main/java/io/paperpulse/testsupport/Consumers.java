package io.paperpulse.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Waiting on a subscribed consumer of a test. */
public final class Consumers {

  private Consumers() {}

  /**
   * Polls {@code consumer} until its group gave it partitions, so that it counts as an active
   * member; fails after {@code timeout}.
   */
  public static void awaitAssignment(Consumer<?, ?> consumer, Duration timeout) {
    await("member joined")
        .atMost(timeout)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200));
              return !consumer.assignment().isEmpty();
            });
  }
}
