package io.paperpulse.producer.format;

import java.util.Objects;

/**
 * Why one record of an input could not become a paper: where it is (input name, 1-based line and,
 * when known, 1-based column), which entry of a document holding many (its index and paper id) and,
 * when the problem is in one field, which field. Rendered as {@code hf.json:1:2305: entry [3] (id
 * 2401.04088): field 'upvotes': not an integer: "41"}, or {@code papers.jsonl:17: field
 * 'publishedAt': not a date: '2024-13-45'} when there is nothing more to say.
 *
 * @param source input name as the user gave it (file name, "stdin", URL)
 * @param line 1-based line of the offending value, or where the record starts
 * @param column 1-based column of the offending value, or 0 when only the line is known
 * @param entry the entry within the document ({@code entry [3] (id 2401.04088)}), or null when the
 *     line alone names the record
 * @param field the offending field (Avro field name) or null for a record-level problem
 * @param message what is wrong, quoting the bad value
 */
public record ParseError(
    String source, int line, int column, String entry, String field, String message) {

  public ParseError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  public static ParseError ofField(String source, int line, String field, String message) {
    return new ParseError(source, line, 0, null, field, message);
  }

  public static ParseError ofRecord(String source, int line, String message) {
    return new ParseError(source, line, 0, null, null, message);
  }

  /** The same error at a more precise place. */
  public ParseError at(int line, int column) {
    return new ParseError(source, line, column, entry, field, message);
  }

  /** The same error naming the entry of the document it is in. */
  public ParseError inEntry(String entry) {
    return new ParseError(source, line, column, entry, field, message);
  }

  /** The one-line form shown to users. */
  public String describe() {
    StringBuilder text = new StringBuilder(source).append(':').append(line);
    if (column > 0) {
      text.append(':').append(column);
    }
    text.append(": ");
    if (entry != null) {
      text.append(entry).append(": ");
    }
    if (field != null) {
      text.append("field '").append(field).append("': ");
    }
    return text.append(message).toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
