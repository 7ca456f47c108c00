package io.paperpulse.cli.bench;

import java.util.Arrays;

/**
 * Percentiles of end-to-end latencies in milliseconds (nearest rank: p99 is the smallest sample
 * that at least 99 % of the samples do not exceed).
 *
 * @param offeredRate papers per second the generator was paced to
 * @param papers papers offered
 * @param samples tag-count updates observed
 * @param p50Ms median latency
 * @param p99Ms 99th percentile
 * @param maxMs largest latency seen
 */
public record LatencySummary(
    double offeredRate, long papers, long samples, long p50Ms, long p99Ms, long maxMs) {

  public static LatencySummary of(double offeredRate, long papers, long[] latenciesMs) {
    if (latenciesMs.length == 0) {
      throw new IllegalArgumentException("no tag-count update was observed");
    }
    long[] sorted = latenciesMs.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        offeredRate,
        papers,
        sorted.length,
        nearestRank(sorted, 0.50),
        nearestRank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  private static long nearestRank(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
