package io.paperpulse.cli.bench;

/**
 * What one {@code paperpulse bench} run measures.
 *
 * @param papers events generated for the throughput phases
 * @param partitions partitions of the papers topic (and of every topic the application creates)
 * @param streamThreads stream threads of the application ({@code num.stream.threads}); the
 *     topology's three sub-topologies are separate tasks, so even one partition keeps two busy
 * @param latencyRate papers per second offered during the latency phase
 * @param latencySeconds how long the latency phase offers papers
 * @param seed generator seed, so runs publish the same papers
 */
public record BenchSettings(
    long papers,
    int partitions,
    int streamThreads,
    double latencyRate,
    int latencySeconds,
    long seed) {

  public BenchSettings {
    if (papers < 1) {
      throw new IllegalArgumentException("--papers must be at least 1, got " + papers);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    if (streamThreads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + streamThreads);
    }
    if (!(latencyRate > 0) || Double.isInfinite(latencyRate)) {
      throw new IllegalArgumentException(
          "--rate must be a positive number of papers per second, got " + latencyRate);
    }
    if (latencySeconds < 1) {
      throw new IllegalArgumentException(
          "--latency-seconds must be at least 1, got " + latencySeconds);
    }
  }

  /** Papers offered during the latency phase. */
  public long latencyPapers() {
    return Math.max(1, Math.round(latencyRate * latencySeconds));
  }
}
