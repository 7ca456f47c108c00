package io.paperpulse.cli;

import io.paperpulse.producer.job.StopRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stop request of one command that runs until told to stop (streams, local-cluster, demo,
 * watch, a followed feed, a paced generate). The command checks it or waits on it; it is requested
 * by the process's {@link Shutdown} hook on SIGTERM or Ctrl-C, or directly by a test through {@link
 * #requestAndAwaitCleanup}. The command closes the signal once everything it started is closed,
 * which is what those waiting are told.
 *
 * <p>Commands create the signal with the command object, so a request that arrives before the
 * command runs is not lost, and register it with {@link #watchShutdown()} when they start.
 */
public final class StopSignal implements StopRequest, AutoCloseable {

  /**
   * Longest a direct {@link #requestAndAwaitCleanup} waits; a hung close must not hang the caller
   * forever.
   */
  private static final Duration CLEANUP_GRACE = Duration.ofSeconds(60);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  /**
   * Makes the process's shutdown (SIGTERM, Ctrl-C) request this signal; returns it for
   * try-with-resources.
   */
  public StopSignal watchShutdown() {
    Shutdown.watch(this);
    return this;
  }

  public void request() {
    requested.countDown();
  }

  @Override
  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void awaitRequest() throws InterruptedException {
    requested.await();
  }

  /** Asks the command to stop and waits (bounded) until it has cleaned up. */
  public void requestAndAwaitCleanup() {
    request();
    try {
      cleanedUp.await(CLEANUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Called by the command once everything is closed. */
  @Override
  public void close() {
    cleanedUp.countDown();
    Shutdown.forget(this);
  }
}
