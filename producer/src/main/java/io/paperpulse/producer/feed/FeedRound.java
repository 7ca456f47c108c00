package io.paperpulse.producer.feed;

import io.paperpulse.producer.format.ParseError;
import io.paperpulse.producer.publish.PublishReport;
import java.util.List;

/**
 * What one fetch of a followed feed did.
 *
 * @param papers valid papers in the feed
 * @param sent papers published because they were new or changed
 * @param invalid entries that could not be read (skipped and reported)
 * @param report the publish report, or null when nothing was sent or the fetch failed
 * @param fetchError why the feed could not be fetched after all retries, or null
 */
public record FeedRound(
    int papers, int sent, List<ParseError> invalid, PublishReport report, String fetchError) {

  public FeedRound {
    invalid = List.copyOf(invalid);
  }

  static FeedRound unavailable(String error) {
    return new FeedRound(0, 0, List.of(), null, error);
  }

  /** Whether the round did its job: fetched and, if anything changed, committed. */
  public boolean succeeded() {
    return fetchError == null
        && (report == null || report.outcome() == PublishReport.Outcome.COMMITTED);
  }

  public String summary() {
    if (fetchError != null) {
      return "feed unavailable: " + fetchError;
    }
    if (report != null && report.outcome() != PublishReport.Outcome.COMMITTED) {
      return report.summary();
    }
    return String.format(
        "feed: %d papers, %d new or changed sent, %d unchanged, %d invalid",
        papers, sent, papers - sent, invalid.size());
  }
}
