package io.paperpulse.producer.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reads the publication instant from the textual forms the structured formats use. */
final class PublishedAt {

  private PublishedAt() {}

  /**
   * Accepts an ISO instant ({@code 2024-01-12T17:59:00Z}), an ISO date-time with offset, a local
   * date-time (taken as UTC), an ISO date (midnight UTC) or epoch milliseconds.
   */
  static Optional<Instant> parse(String text) {
    String value = text.trim();
    if (value.matches("-?\\d{1,15}")) {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
    }
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Optional.of(
            OffsetDateTime.parse(value.substring(0, value.length() - 1) + "Z").toInstant());
      }
      if (value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      }
      return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
