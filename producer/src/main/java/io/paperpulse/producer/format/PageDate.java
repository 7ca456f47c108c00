package io.paperpulse.producer.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date line of a Daily Papers card: {@code Jan 12, 2024} or a year-less {@code Sep 1},
 * optionally followed by the upvote count. The page renders the count right after the date, so it
 * may be separated by a space ({@code Jul 11 5}, {@code Dec 9, 2024 2}) or glued to the four-digit
 * year ({@code Jan 8, 202448} is Jan 8 2024 with 48 upvotes). A year-less date is the latest such
 * day not after the page's capture date.
 *
 * @param date the resolved calendar date
 * @param upvotes the upvote count, 0 when the line has none
 */
record PageDate(LocalDate date, int upvotes) {

  private static final Pattern LINE =
      Pattern.compile(
          "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? (\\d{1,2})"
              + "(?:, (\\d{4}) ?(\\d+)?| +(\\d+))?");

  /** Whether the line has the shape of a date line (it may still be an impossible date). */
  static boolean looksLikeDateLine(String line) {
    return LINE.matcher(line.trim()).matches();
  }

  /** The date line's value, or empty when it is not a real date (wrong shape, Feb 30, ...). */
  static Optional<PageDate> parse(String line, LocalDate asOf) {
    Matcher m = LINE.matcher(line.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    Month month = monthOf(m.group(1));
    int day = Integer.parseInt(m.group(2));
    String upvoteText = m.group(4) != null ? m.group(4) : m.group(5);
    int upvotes = upvoteText == null ? 0 : parseUpvotes(upvoteText);
    if (upvotes < 0) {
      return Optional.empty();
    }
    try {
      LocalDate date =
          m.group(3) != null
              ? LocalDate.of(Integer.parseInt(m.group(3)), month, day)
              : latestNotAfter(month, day, asOf);
      return Optional.of(new PageDate(date, upvotes));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static LocalDate latestNotAfter(Month month, int day, LocalDate asOf) {
    // Up to eight years back, so that Feb 29 finds the previous leap year.
    for (int year = asOf.getYear(); year > asOf.getYear() - 8; year--) {
      try {
        LocalDate candidate = LocalDate.of(year, month, day);
        if (!candidate.isAfter(asOf)) {
          return candidate;
        }
      } catch (DateTimeException notInThisYear) {
        // try the year before
      }
    }
    throw new DateTimeException("no " + month + " " + day + " before " + asOf);
  }

  private static Month monthOf(String abbreviation) {
    for (Month month : Month.values()) {
      if (month.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
        return month;
      }
    }
    throw new IllegalArgumentException(abbreviation.toLowerCase(Locale.ROOT));
  }

  private static int parseUpvotes(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return -1;
    }
  }
}
