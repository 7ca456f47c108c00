package io.paperpulse.streams.trending;

/**
 * The trend score of a tag in a bucket: how far its paper count rises above its own recent
 * baseline, measured in Poisson standard deviations of that baseline.
 *
 * <pre>
 *   baseline = mean paper count of the tag in the previous L buckets (missing buckets count 0)
 *   score    = (count - baseline) / sqrt(baseline + 1)
 * </pre>
 *
 * A tag that is always common has count close to its baseline and scores near 0; a tag that doubles
 * scores in proportion to its growth; a new tag scores its count. See docs/trending.md.
 */
public final class TrendScore {

  private TrendScore() {}

  /**
   * @param count papers with the tag in the bucket
   * @param previousCounts papers with the tag in each of the previous buckets (length = lookback)
   */
  public static double score(long count, long[] previousCounts) {
    if (previousCounts.length == 0) {
      throw new IllegalArgumentException("at least one previous bucket is needed for a baseline");
    }
    long sum = 0;
    for (long previous : previousCounts) {
      sum += previous;
    }
    return score(count, (double) sum / previousCounts.length);
  }

  /**
   * @param count papers with the tag in the bucket
   * @param baseline mean paper count of the previous buckets
   */
  public static double score(long count, double baseline) {
    double score = (count - baseline) / Math.sqrt(baseline + 1.0);
    // -0.0 and 0.0 must rank as the same score
    return score == 0.0 ? 0.0 : score;
  }
}
