package io.paperpulse.producer.generate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A topic that suddenly becomes popular: a {@code share} of the papers published in [{@code from},
 * {@code to}] (inclusive) are about {@code phrase}, so a trend detector has something to find.
 * Outside the window the phrase is never the main topic.
 */
public record TopicBurst(String phrase, LocalDate from, LocalDate to, double share) {

  public TopicBurst {
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (phrase.isBlank()) {
      throw new IllegalArgumentException("burst phrase is empty");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "burst window ends before it starts: " + from + " .. " + to);
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("burst share must be in (0, 1]: " + share);
    }
  }

  /**
   * Reads {@code PHRASE:FROM:TO:SHARE}, e.g. {@code state space models:2024-03-04:2024-03-17:0.3}.
   * The phrase may itself hold colons: the last three fields are taken from the end.
   */
  public static TopicBurst parse(String text) {
    String[] parts = text.split(":");
    if (parts.length < 4) {
      throw new IllegalArgumentException("burst '" + text + "' is not PHRASE:FROM:TO:SHARE");
    }
    int n = parts.length;
    String phrase = String.join(":", Arrays.copyOfRange(parts, 0, n - 3)).trim();
    LocalDate from;
    LocalDate to;
    double share;
    try {
      from = LocalDate.parse(parts[n - 3].trim());
      to = LocalDate.parse(parts[n - 2].trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "burst '" + text + "': FROM and TO must be dates (YYYY-MM-DD)");
    }
    try {
      share = Double.parseDouble(parts[n - 1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("burst '" + text + "': SHARE must be a number in (0, 1]");
    }
    return new TopicBurst(phrase, from, to, share);
  }

  boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
