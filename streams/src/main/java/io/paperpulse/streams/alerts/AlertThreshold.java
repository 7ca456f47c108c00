package io.paperpulse.streams.alerts;

/**
 * When a tag counts as taking off in a bucket: its trend score is at least {@code minScore} and it
 * has at least {@code minPapers} papers there (a score alone would fire on the first papers of
 * every new phrase, since a new tag scores its count).
 */
public record AlertThreshold(double minScore, long minPapers) {

  public static final AlertThreshold DEFAULT = new AlertThreshold(3.0, 3);

  public AlertThreshold {
    if (Double.isNaN(minScore)) {
      throw new IllegalArgumentException("alert score threshold must be a number");
    }
    if (minPapers < 1) {
      throw new IllegalArgumentException("alert paper threshold must be at least 1");
    }
  }

  boolean reached(long papers, double score) {
    return papers >= minPapers && score >= minScore;
  }
}
