package io.paperpulse.producer.publish;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far a long publish has got, at most once per interval, so big inputs show they are
 * alive.
 */
final class ProgressLog {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

  private final String input;
  private final int total;
  private final Clock clock;
  private final long intervalMillis;
  private long nextAt;

  ProgressLog(String input, int total, Clock clock, Duration interval) {
    this.input = input;
    this.total = total;
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
    this.nextAt = clock.millis() + intervalMillis;
  }

  void sent(int count) {
    long now = clock.millis();
    if (now >= nextAt) {
      LOG.info("{}: sent {}/{} records", input, count, total);
      nextAt = now + intervalMillis;
    }
  }
}
