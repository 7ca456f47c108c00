package io.paperpulse.streams.topology.intake;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.buckets.BucketDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Business rules a paper must satisfy before it may count. Returns the first violation, if any.
 * Pure: the date rule compares with the time the record was written (its timestamp), never with the
 * wall clock, so replaying the same log always accepts and rejects the same papers.
 */
public final class PaperValidator {

  /** Nothing published before this is a plausible research paper date; it signals a parse bug. */
  public static final Instant EARLIEST_PUBLISHED = Instant.parse("1900-01-01T00:00:00Z");

  private final int maxAbstractChars;
  private final Duration maxFutureSkew;
  private final BucketDate bucketBy;

  /**
   * @param bucketBy the date that places a paper in its buckets: the date rules apply to it as well
   *     as to {@code publishedAt}, which every paper must have
   */
  public PaperValidator(int maxAbstractChars, Duration maxFutureSkew, BucketDate bucketBy) {
    this.maxAbstractChars = maxAbstractChars;
    this.maxFutureSkew = maxFutureSkew;
    this.bucketBy = bucketBy;
  }

  /** A rule a paper broke. */
  public record Violation(String rule, String message) {}

  public Optional<Violation> check(String key, PaperEvent paper, Instant recordTime) {
    if (key == null || key.isBlank()) {
      return violation("missing-key", "paper record has no key");
    }
    if (!key.equals(paper.getId())) {
      return violation(
          "key-mismatch", "record key '" + key + "' differs from paper id '" + paper.getId() + "'");
    }
    if (paper.getTitle() == null || paper.getTitle().isBlank()) {
      return violation("empty-title", "paper " + key + " has an empty title");
    }
    if (paper.getPublishedAt() == null) {
      return violation("missing-date", "paper " + key + " has no publishedAt");
    }
    Optional<Violation> published =
        checkDate(key, "publishedAt", paper.getPublishedAt(), recordTime);
    if (published.isPresent()) {
      return published;
    }
    Optional<Violation> bucketDate =
        checkDate(key, bucketBy.fieldOf(paper), bucketBy.of(paper), recordTime);
    if (bucketDate.isPresent()) {
      return bucketDate;
    }
    String abstractText = paper.getAbstract$();
    if (abstractText != null && abstractText.length() > maxAbstractChars) {
      return violation(
          "abstract-too-long",
          "paper "
              + key
              + " abstract has "
              + abstractText.length()
              + " characters, limit "
              + maxAbstractChars);
    }
    return Optional.empty();
  }

  private Optional<Violation> checkDate(
      String key, String field, Instant date, Instant recordTime) {
    if (date.isBefore(EARLIEST_PUBLISHED)) {
      return violation(
          "date-too-early",
          "paper " + key + " " + field + " " + date + " is before " + EARLIEST_PUBLISHED);
    }
    Instant latest = recordTime.plus(maxFutureSkew);
    if (date.isAfter(latest)) {
      return violation(
          "date-in-future",
          "paper "
              + key
              + " "
              + field
              + " "
              + date
              + " is after "
              + latest
              + ", more than "
              + maxFutureSkew
              + " after the record was written ("
              + recordTime
              + ")");
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String rule, String message) {
    return Optional.of(new Violation(rule, message));
  }
}
