package io.paperpulse.producer.job;

/**
 * How a followed feed ended.
 *
 * @param url the feed
 * @param rounds rounds done (fetched, or found unavailable after all retries)
 * @param published papers committed because they were new or changed
 * @param failed whether a fatal Kafka error ended it rather than a stop request
 */
public record FollowResult(String url, int rounds, long published, boolean failed) {

  /**
   * {@link ProduceResult#OK} when stopped on request, {@link ProduceResult#RUNTIME_FAILURE} after a
   * fatal error.
   */
  public int exitCode() {
    return failed ? ProduceResult.RUNTIME_FAILURE : ProduceResult.OK;
  }

  /** One line for the command line. */
  public String summary() {
    String totals =
        rounds
            + (rounds == 1 ? " round" : " rounds")
            + ", "
            + published
            + (published == 1 ? " paper" : " papers")
            + " published";
    return failed
        ? "stopped following " + url + " after a fatal Kafka error (" + totals + ")"
        : "stopped following " + url + " (" + totals + ")";
  }
}
