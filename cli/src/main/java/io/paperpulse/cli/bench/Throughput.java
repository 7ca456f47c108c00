package io.paperpulse.cli.bench;

import java.time.Duration;

/**
 * Records moved in a measured time.
 *
 * @param records records processed
 * @param seconds wall-clock time they took
 * @param recordsPerSecond records divided by seconds
 */
public record Throughput(long records, double seconds, double recordsPerSecond) {

  public static Throughput of(long records, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return new Throughput(records, seconds, seconds > 0 ? records / seconds : 0);
  }

  /** This throughput as a share of {@code reference} (the raw pipe). */
  public double ratioTo(Throughput reference) {
    return reference.recordsPerSecond() > 0 ? recordsPerSecond / reference.recordsPerSecond() : 0;
  }
}
