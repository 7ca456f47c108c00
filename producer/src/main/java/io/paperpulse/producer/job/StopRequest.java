package io.paperpulse.producer.job;

import java.time.Duration;

/**
 * How a front end asks a long-running job (following a feed, generating at a rate) to stop. Jobs
 * check it between units of work and wait on it instead of sleeping, so a stop takes effect at once
 * without interrupting the thread: an interrupt that lands inside a Kafka producer call (a commit,
 * {@code close}) leaves the producer half-closed and the transaction in doubt.
 */
public interface StopRequest {

  /** Never requested: for runs that end on their own. */
  StopRequest NEVER =
      new StopRequest() {
        @Override
        public boolean isRequested() {
          return false;
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
          Thread.sleep(Math.max(0, timeout.toMillis()));
          return false;
        }
      };

  boolean isRequested();

  /**
   * Waits up to {@code timeout} for a stop request; true when one came (at once if it already had).
   */
  boolean await(Duration timeout) throws InterruptedException;
}
