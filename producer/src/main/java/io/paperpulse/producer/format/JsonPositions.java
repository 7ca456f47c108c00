package io.paperpulse.producer.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a value sits in a JSON document, found by its JSON pointer ({@code /3/paper/upvotes}).
 * Jackson's trees do not remember positions, so the document is read again, token by token, only
 * when an error needs a position: the happy path pays nothing for it.
 */
final class JsonPositions {

  /**
   * A value found in the document: 1-based line and column of its first character, and its text.
   */
  record Found(int line, int column, String text) {}

  private static final JsonFactory FACTORY = new JsonFactory();

  private final String document;
  private final int firstLine;

  /**
   * @param document the JSON text
   * @param firstLine line number of the document's first line in its input (JSON Lines: the line
   *     itself)
   */
  JsonPositions(String document, int firstLine) {
    this.document = document;
    this.firstLine = firstLine;
  }

  /** The value at {@code pointer}, read as far as the document is well-formed. */
  Optional<Found> find(String pointer) {
    try (JsonParser json = FACTORY.createParser(document)) {
      for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
        if (token != JsonToken.FIELD_NAME
            && !token.isStructEnd()
            && json.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          JsonLocation at = json.currentTokenLocation();
          String text = token.isScalarValue() ? json.getText() : null;
          return Optional.of(new Found(firstLine + at.getLineNr() - 1, at.getColumnNr(), text));
        }
      }
    } catch (IOException e) {
      // the value lies beyond a syntax error or the end of a truncated document
    }
    return Optional.empty();
  }
}
