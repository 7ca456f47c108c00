package io.paperpulse.cli.bench;

import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.tagging.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Runs the streams application over input that is already on the topic until it has processed and
 * committed all of it ({@link PaperPulseStreamsApp#isCaughtUp()}), timing it from start. The time
 * includes starting the application and joining the group (a second or two), as a consumer reading
 * from scratch would pay too, and at most one poll interval of detection.
 */
final class QuiescenceRun {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Tagger tagger;

  QuiescenceRun(Tagger tagger) {
    this.tagger = tagger;
  }

  /**
   * The time to process {@code records} input records, what the application wrote meanwhile, and
   * the CPU time of its stream threads (and of their producers' network threads).
   */
  record Result(Throughput throughput, RecordsWritten written, Duration streamThreadCpu) {}

  Result process(PaperPulseStreamsConfig config, long records, Duration timeout)
      throws InterruptedException {
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger)) {
      long start = System.nanoTime();
      app.start();
      awaitCaughtUp(app, start + timeout.toNanos(), config.applicationId());
      Throughput throughput = Throughput.of(records, Duration.ofNanos(System.nanoTime() - start));
      return new Result(
          throughput,
          RecordsWritten.from(app.streams().metrics()),
          streamThreadCpu(config.applicationId()));
    }
  }

  /**
   * CPU time so far of the live threads whose names mark them as the application's stream threads.
   */
  private static Duration streamThreadCpu(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.contains(applicationId + "-") && name.contains("-StreamThread-")) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return Duration.ofNanos(nanos);
  }

  /** Waits until the application has committed everything on its input; fails at the deadline. */
  static void awaitCaughtUp(PaperPulseStreamsApp app, long deadlineNanos, String what)
      throws InterruptedException {
    while (!app.isCaughtUp()) {
      if (System.nanoTime() > deadlineNanos) {
        throw new IllegalStateException(
            what + " did not catch up in time (state " + app.state() + ")");
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
