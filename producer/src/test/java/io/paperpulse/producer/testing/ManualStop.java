package io.paperpulse.producer.testing;

import io.paperpulse.producer.job.StopRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stop request a test makes by hand, as the command line's shutdown hook would. */
public final class ManualStop implements StopRequest {

  private final CountDownLatch requested = new CountDownLatch(1);

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
}
