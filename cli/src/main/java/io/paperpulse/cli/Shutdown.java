package io.paperpulse.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one place where SIGTERM and Ctrl-C reach a running command. {@link PaperPulse#main} installs
 * a JVM shutdown hook that requests every {@link StopSignal} being watched, then waits for {@code
 * main} to report that the command has returned, and ends the process with the command's exit code.
 *
 * <p>Two JVM rules shape this. A process stopped by a signal exits with 128 plus the signal's
 * number whatever {@code System.exit} is called with, so the hook ends it with {@link Runtime#halt}
 * and the command's own code (0 for a clean stop). And {@code System.exit} called while a hook runs
 * blocks until the hooks are done, so the hook never waits for the main thread to end, only for
 * {@link #mainFinished}, which main calls before exiting.
 *
 * <p>Commands that never register a signal (consume, produce of files, topics) keep the JVM's
 * default: the hook returns at once and the process ends as before.
 */
public final class Shutdown {

  /**
   * Longest the hook waits for the command to finish stopping. Commands stop within 5 s; this only
   * bounds a close that hangs (a cluster gone away), well inside the 30 s a container runtime waits
   * before SIGKILL.
   */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private static final Set<StopSignal> WATCHED = ConcurrentHashMap.newKeySet();
  private static final CountDownLatch MAIN_FINISHED = new CountDownLatch(1);
  private static volatile boolean stopRequested;
  private static volatile boolean watchedAny;
  private static volatile int exitCode = ExitCodes.FAILURE;

  private Shutdown() {}

  /** Called once by {@code main} before the command runs. */
  static void installHook() {
    Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::onShutdown, "paperpulse-shutdown"));
  }

  /**
   * Called by {@code main} when the command has returned and its output is flushed, before {@code
   * System.exit}.
   */
  static void mainFinished(int code) {
    exitCode = code;
    MAIN_FINISHED.countDown();
  }

  static void watch(StopSignal signal) {
    watchedAny = true;
    WATCHED.add(signal);
    // A shutdown that began before this registration would otherwise never reach the signal.
    if (stopRequested) {
      signal.request();
    }
  }

  static void forget(StopSignal signal) {
    WATCHED.remove(signal);
  }

  private static void onShutdown() {
    stopRequested = true;
    WATCHED.forEach(StopSignal::request);
    if (!watchedAny) {
      return;
    }
    int code;
    try {
      code =
          MAIN_FINISHED.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)
              ? exitCode
              : ExitCodes.FAILURE;
    } catch (InterruptedException e) {
      code = ExitCodes.FAILURE;
    }
    if (MAIN_FINISHED.getCount() > 0) {
      System.err.println(
          "paperpulse: the command did not stop within " + GRACE.toSeconds() + " s; exiting");
    }
    flush(System.out);
    flush(System.err);
    Runtime.getRuntime().halt(code);
  }

  private static void flush(PrintStream stream) {
    stream.flush();
  }
}
