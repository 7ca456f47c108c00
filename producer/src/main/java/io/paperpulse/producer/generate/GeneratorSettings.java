package io.paperpulse.producer.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a {@link PaperGenerator} produces. The same settings always produce the same events.
 *
 * @param seed random seed
 * @param from earliest publication date (inclusive)
 * @param to latest publication date (inclusive)
 * @param updateShare share of events that change an earlier, still live paper (abstract, date or
 *     upvotes)
 * @param deleteShare share of events that delete an earlier, still live paper (a tombstone)
 * @param burst a topic that is popular in a date window, or null
 * @param ingestedAt {@code ingestedAt} of the first event; each later event is one millisecond
 *     later
 */
public record GeneratorSettings(
    long seed,
    LocalDate from,
    LocalDate to,
    double updateShare,
    double deleteShare,
    TopicBurst burst,
    Instant ingestedAt) {

  public static final double DEFAULT_UPDATE_SHARE = 0.10;
  public static final double DEFAULT_DELETE_SHARE = 0.03;

  public GeneratorSettings {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date span ends before it starts: " + from + " .. " + to);
    }
    if (updateShare < 0 || deleteShare < 0 || updateShare + deleteShare >= 1) {
      throw new IllegalArgumentException(
          "update and delete shares must be non-negative and leave room for inserts: "
              + updateShare
              + " + "
              + deleteShare);
    }
  }

  /** Papers over 2024, 10% updates, 3% deletes, no burst, ingested from 2025-01-01. */
  public static GeneratorSettings defaults(long seed) {
    return new GeneratorSettings(
        seed,
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31),
        DEFAULT_UPDATE_SHARE,
        DEFAULT_DELETE_SHARE,
        null,
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  public GeneratorSettings withSpan(LocalDate from, LocalDate to) {
    return new GeneratorSettings(
        seed,
        from,
        to,
        updateShare,
        deleteShare,
        burst,
        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  public GeneratorSettings withShares(double updateShare, double deleteShare) {
    return new GeneratorSettings(seed, from, to, updateShare, deleteShare, burst, ingestedAt);
  }

  public GeneratorSettings withBurst(TopicBurst burst) {
    return new GeneratorSettings(seed, from, to, updateShare, deleteShare, burst, ingestedAt);
  }

  public GeneratorSettings withIngestedAt(Instant ingestedAt) {
    return new GeneratorSettings(seed, from, to, updateShare, deleteShare, burst, ingestedAt);
  }
}
