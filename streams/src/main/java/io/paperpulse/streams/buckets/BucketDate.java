package io.paperpulse.streams.buckets;

import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * Which date of a paper places it in its buckets. Part of the application's identity like the
 * granularities: a paper's old buckets are derived from its stored previous version, so switching
 * on a running application id would retract memberships that were never added.
 */
public enum BucketDate {
  /** The paper's publication date ({@code publishedAt}): when the research appeared. */
  PUBLISHED("publishedAt"),
  /**
   * The day Hugging Face Daily Papers featured the paper ({@code featuredAt}), which is what
   * "trending on Daily Papers" means; papers from sources without one fall back to {@code
   * publishedAt}.
   */
  FEATURED("featuredAt");

  private final String field;

  BucketDate(String field) {
    this.field = field;
  }

  public Instant of(PaperEvent paper) {
    return this == FEATURED && paper.getFeaturedAt() != null
        ? paper.getFeaturedAt()
        : paper.getPublishedAt();
  }

  /** The {@code PaperEvent} field {@link #of} read for this paper, for messages. */
  public String fieldOf(PaperEvent paper) {
    return this == FEATURED && paper.getFeaturedAt() != null ? field : PUBLISHED.field;
  }

  /** The command-line spelling: {@code published} or {@code featured}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
