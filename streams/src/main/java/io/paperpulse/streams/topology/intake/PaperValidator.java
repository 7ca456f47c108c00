package io.paperpulse.streams.topology.intake;

import io.paperpulse.schema.PaperEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Business rules a paper must satisfy before it may count. Returns the first violation, if any.
 * Pure: the date rule compares with the time the record was written (its timestamp), never with
 * the wall clock, so replaying the same log always accepts and rejects the same papers.
 */
public final class PaperValidator {

  /** Nothing published before this is a plausible research paper date; it signals a parse bug. */
  public static final Instant EARLIEST_PUBLISHED = Instant.parse("1900-01-01T00:00:00Z");

  private final int maxAbstractChars;
  private final Duration maxFutureSkew;

  public PaperValidator(int maxAbstractChars, Duration maxFutureSkew) {
    this.maxAbstractChars = maxAbstractChars;
    this.maxFutureSkew = maxFutureSkew;
  }

  /** A rule a paper broke. */
  public record Violation(String rule, String message) {}

  public Optional<Violation> check(String key, PaperEvent paper, Instant recordTime) {
    if (key == null || key.isBlank()) {
      return violation("missing-key", "paper record has no key");
    }
    if (!key.equals(paper.getId())) {
      return violation("key-mismatch", "record key '" + key + "' differs from paper id '" + paper.getId() + "'");
    }
    if (paper.getTitle() == null || paper.getTitle().isBlank()) {
      return violation("empty-title", "paper " + key + " has an empty title");
    }
    Instant published = paper.getPublishedAt();
    if (published == null) {
      return violation("missing-date", "paper " + key + " has no publishedAt");
    }
    if (published.isBefore(EARLIEST_PUBLISHED)) {
      return violation("date-too-early", "paper " + key + " publishedAt " + published + " is before " + EARLIEST_PUBLISHED);
    }
    Instant latest = recordTime.plus(maxFutureSkew);
    if (published.isAfter(latest)) {
      return violation("date-in-future", "paper " + key + " publishedAt " + published + " is after " + latest
          + ", more than " + maxFutureSkew + " after the record was written (" + recordTime + ")");
    }
    String abstractText = paper.getAbstract$();
    if (abstractText != null && abstractText.length() > maxAbstractChars) {
      return violation(
          "abstract-too-long",
          "paper " + key + " abstract has " + abstractText.length() + " characters, limit " + maxAbstractChars);
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String rule, String message) {
    return Optional.of(new Violation(rule, message));
  }
}
