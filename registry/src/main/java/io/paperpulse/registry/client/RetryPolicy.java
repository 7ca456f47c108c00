package io.paperpulse.registry.client;

import java.time.Duration;

/** Bounded exponential backoff between rounds of attempts against all configured registry URLs. */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max.retries must be >= 0, got " + maxRetries);
    }
    if (initialWait.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("retry waits must not be negative");
    }
  }

  /** The wait before retry number {@code retry} (1-based): initial, doubled each time, capped. */
  public Duration waitBefore(int retry) {
    long millis = initialWait.toMillis();
    for (int i = 1; i < retry && millis < maxWait.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
  }
}
