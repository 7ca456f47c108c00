package io.paperpulse.producer.generate;

import java.time.Duration;

/**
 * The outcome of a generate run.
 *
 * @param inserts insert events sent
 * @param updates update events sent
 * @param deletes delete events (tombstones) sent
 * @param elapsed from the first send to the last acknowledgement
 * @param interrupted whether the run was stopped (on request or by an interrupt) before sending
 *     everything
 * @param failure the Kafka error that stopped the run, or null
 * @param expected what the topic holds after the events sent, when all of them were acknowledged
 */
public record GenerateResult(
    long inserts,
    long updates,
    long deletes,
    Duration elapsed,
    boolean interrupted,
    String failure,
    GeneratedState expected) {

  /** Process exit status: 0 success (also when interrupted), 1 Kafka failure. */
  public int exitCode() {
    return failure == null ? 0 : 1;
  }

  public long events() {
    return inserts + updates + deletes;
  }

  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? events() / seconds : 0;
  }

  /** One line for the command line and logs. */
  public String summary() {
    String counts =
        String.format(
            "generated %d events (inserts %d, updates %d, deletes %d) in %.1f s, %.0f events/s",
            events(), inserts, updates, deletes, elapsed.toMillis() / 1000.0, eventsPerSecond());
    if (failure != null) {
      return counts + "; stopped by a Kafka failure: " + failure;
    }
    return interrupted ? counts + "; stopped before the requested count" : counts;
  }
}
