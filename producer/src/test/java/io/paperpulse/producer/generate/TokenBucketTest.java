package io.paperpulse.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.producer.testing.ManualStop;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  /** Time that only moves when the bucket sleeps, or when the test lets it pass. */
  private static final class FakeTicker implements TokenBucket.Ticker {
    long now = 1_000_000_000L;
    long slept;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      now += nanos;
      slept += nanos;
    }
  }

  @Test
  void holdsTheRateOverManyEvents() throws InterruptedException {
    FakeTicker ticker = new FakeTicker();
    TokenBucket bucket = new TokenBucket(500, ticker);
    long start = ticker.now;
    for (int i = 0; i < 5_000; i++) {
      bucket.acquire();
    }
    double seconds = (ticker.now - start) / 1e9;
    assertThat(seconds).isBetween(9.99, 10.01);
  }

  @Test
  void idleTimeBuysAtMostATenthOfASecondOfBurst() throws InterruptedException {
    FakeTicker ticker = new FakeTicker();
    TokenBucket bucket = new TokenBucket(1_000, ticker);
    ticker.now += 60_000_000_000L; // a minute idle
    for (int i = 0; i < 100; i++) {
      bucket.acquire();
    }
    assertThat(ticker.slept).isZero();
    bucket.acquire();
    assertThat(ticker.slept).isPositive();
  }

  @Test
  void aStopRequestEndsTheWaitWithoutATokenAndWithoutWaitingItOut() throws InterruptedException {
    ManualStop stop = new ManualStop();
    // One token every ten seconds: the first is there at once, the second would need the full wait.
    TokenBucket bucket = new TokenBucket(0.1, TokenBucket.Ticker.SYSTEM);
    assertThat(bucket.acquire(stop)).isTrue();
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              stop.request();
            });
    stopper.start();
    long start = System.nanoTime();
    assertThat(bucket.acquire(stop)).isFalse();
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
    stopper.join();
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThatThrownBy(() -> new TokenBucket(0, new FakeTicker()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
