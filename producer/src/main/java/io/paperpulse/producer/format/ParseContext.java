package io.paperpulse.producer.format;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a parser needs beyond the text itself.
 *
 * @param sourceName name used in error messages ("papers.jsonl", "stdin", a URL)
 * @param asOf capture date of the input: year-less dates of a page dump resolve to the latest such
 *     date not after it
 * @param ingestedAt stamped on every paper as {@code ingestedAt}
 */
public record ParseContext(String sourceName, LocalDate asOf, Instant ingestedAt) {

  public ParseContext {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
  }

  public ParseError fieldError(int line, String field, String message) {
    return ParseError.ofField(sourceName, line, field, message);
  }

  public ParseError recordError(int line, String message) {
    return ParseError.ofRecord(sourceName, line, message);
  }
}
