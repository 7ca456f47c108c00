package io.paperpulse.producer.feed;

import java.time.Duration;

/**
 * Exponential backoff between fetch attempts: {@code initial}, doubled each time, capped at {@code
 * max}, for at most {@code attempts} attempts per round.
 */
public record RetryBackoff(Duration initial, Duration max, int attempts) {

  public static final RetryBackoff DEFAULT =
      new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);

  public RetryBackoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** Delay before attempt number {@code attempt} (2 = first retry). */
  Duration delayBefore(int attempt) {
    long factor = 1L << Math.min(20, Math.max(0, attempt - 2));
    Duration delay = initial.multipliedBy(factor);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
