package io.paperpulse.producer.format;

import java.util.List;

/**
 * All records of one input.
 *
 * @param sourceName input name used in messages
 * @param format the concrete format it was read as (never AUTO)
 * @param results records in input order
 */
public record ParsedInput(String sourceName, InputFormat format, List<ParseResult> results) {

  public ParsedInput {
    results = List.copyOf(results);
  }

  public List<ParseError> errors() {
    return results.stream()
        .filter(ParseResult.Invalid.class::isInstance)
        .map(r -> ((ParseResult.Invalid) r).error())
        .toList();
  }

  public List<ParseResult.Paper> papers() {
    return results.stream()
        .filter(ParseResult.Paper.class::isInstance)
        .map(ParseResult.Paper.class::cast)
        .toList();
  }

  /** Blocks that are not records of the format: reported, never published, never a failure. */
  public List<ParseResult.Skipped> skipped() {
    return results.stream()
        .filter(ParseResult.Skipped.class::isInstance)
        .map(ParseResult.Skipped.class::cast)
        .toList();
  }

  public List<ParseResult.Tombstone> tombstones() {
    return results.stream()
        .filter(ParseResult.Tombstone.class::isInstance)
        .map(ParseResult.Tombstone.class::cast)
        .toList();
  }
}
