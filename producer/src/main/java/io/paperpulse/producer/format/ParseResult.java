package io.paperpulse.producer.format;

import io.paperpulse.schema.PaperEvent;

/**
 * One record read from an input: a paper, a delete, an error kept as data, or a block of the input
 * that is not a record of its format at all.
 */
public sealed interface ParseResult {

  /** 1-based line where the record starts in its input. */
  int line();

  /** A valid paper; {@code event.getId()} is its Kafka key. */
  record Paper(int line, PaperEvent event) implements ParseResult {
    public String id() {
      return event.getId();
    }
  }

  /** A delete of the paper with this id (published as a null value). */
  record Tombstone(int line, String id) implements ParseResult {}

  /**
   * A block of the input that is not a record of its format (a page dump's organisation card, a
   * title and abstract the dump lost the rest of). It is reported to the user and never published,
   * but unlike {@link Invalid} it does not make the input fail: the input is still exactly what its
   * format documents, plus some page furniture.
   *
   * @param line 1-based line where the block starts
   * @param reason what the block is and why it is not a record, quoting enough to find it
   */
  record Skipped(int line, String reason) implements ParseResult {
    public String describe(String source) {
      return source + ":" + line + ": " + reason;
    }
  }

  /** A record that could not be read; nothing of it is published. */
  record Invalid(ParseError error) implements ParseResult {
    @Override
    public int line() {
      return error.line();
    }
  }
}
