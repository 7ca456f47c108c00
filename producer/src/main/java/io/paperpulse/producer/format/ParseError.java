package io.paperpulse.producer.format;

import java.util.Objects;

/**
 * Why one record of an input could not become a paper: where it is (input name and 1-based line)
 * and, when the problem is in one field, which field. Rendered as
 * {@code papers.jsonl:17: field 'publishedAt': not a date: '2024-13-45'}.
 *
 * @param source input name as the user gave it (file name, "stdin", URL)
 * @param line   1-based line where the record starts, or where the syntax error is
 * @param field  the offending field (Avro field name) or null for a record-level problem
 * @param message what is wrong, quoting the bad value
 */
public record ParseError(String source, int line, String field, String message) {

    public ParseError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    public static ParseError ofField(String source, int line, String field, String message) {
        return new ParseError(source, line, field, message);
    }

    public static ParseError ofRecord(String source, int line, String message) {
        return new ParseError(source, line, null, message);
    }

    /** The one-line form shown to users. */
    public String describe() {
        return field == null
                ? source + ":" + line + ": " + message
                : source + ":" + line + ": field '" + field + "': " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
