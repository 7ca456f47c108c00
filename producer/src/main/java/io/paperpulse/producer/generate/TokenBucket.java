package io.paperpulse.producer.generate;

import io.paperpulse.producer.job.StopRequest;
import java.time.Duration;

/**
 * Paces events to a steady rate: tokens accrue at {@code ratePerSecond} up to a small capacity (a
 * tenth of a second's worth), and each event takes one, waiting when none is left. The small
 * capacity lets the producer batch without ever running ahead of the rate by more than 100 ms.
 */
final class TokenBucket {

  /** Time source and sleep, replaceable in tests. */
  interface Ticker {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** Sleeps, or less when {@code stop} is requested meanwhile. */
    default void sleepNanos(long nanos, StopRequest stop) throws InterruptedException {
      sleepNanos(nanos);
    }

    Ticker SYSTEM =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }

          @Override
          public void sleepNanos(long nanos, StopRequest stop) throws InterruptedException {
            stop.await(Duration.ofNanos(nanos));
          }
        };
  }

  private static final double NANOS_PER_SECOND = 1e9;

  private final double tokensPerNano;
  private final double capacity;
  private final Ticker ticker;
  private double tokens;
  private long lastRefill;

  TokenBucket(double ratePerSecond, Ticker ticker) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
    this.capacity = Math.max(1, ratePerSecond / 10);
    this.ticker = ticker;
    this.tokens = 1;
    this.lastRefill = ticker.nanoTime();
  }

  /** Takes one token, sleeping until one has accrued. */
  void acquire() throws InterruptedException {
    acquire(StopRequest.NEVER);
  }

  /**
   * Takes one token, sleeping until one has accrued; false, without a token, when {@code stop} is
   * requested first. At low rates the wait is long (a second at one event per second), so it must
   * end on the request.
   */
  boolean acquire(StopRequest stop) throws InterruptedException {
    refill();
    while (tokens < 1) {
      if (stop.isRequested()) {
        return false;
      }
      ticker.sleepNanos((long) Math.ceil((1 - tokens) / tokensPerNano), stop);
      refill();
    }
    tokens -= 1;
    return true;
  }

  private void refill() {
    long now = ticker.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
    lastRefill = now;
  }
}
