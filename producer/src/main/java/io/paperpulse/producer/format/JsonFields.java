package io.paperpulse.producer.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of JSON fields into a {@link PaperDraft}: a present field of the wrong type rejects
 * the record naming the field and where its value is, an absent or null field is simply absent.
 */
final class JsonFields {

  private final JsonNode node;
  private final String pointer;
  private final PaperDraft draft;

  /**
   * @param node the object whose fields are read
   * @param pointer JSON pointer of {@code node} in its document ("" for the document itself)
   * @param draft the paper the fields go to
   */
  JsonFields(JsonNode node, String pointer, PaperDraft draft) {
    this.node = node;
    this.pointer = pointer;
    this.draft = draft;
  }

  /**
   * The fields of the object in {@code jsonName}, or absent when it is missing or not an object.
   */
  Optional<JsonFields> object(String jsonName) {
    JsonNode value = node.get(jsonName);
    return value != null && value.isObject()
        ? Optional.of(new JsonFields(value, pointerOf(jsonName), draft))
        : Optional.empty();
  }

  boolean has(String jsonName) {
    return node.hasNonNull(jsonName);
  }

  Optional<String> text(String jsonName, String field) {
    JsonNode value = node.get(jsonName);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      reject(jsonName, field, "not a string: " + value);
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  Optional<Integer> integer(String jsonName, String field) {
    JsonNode value = node.get(jsonName);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      reject(jsonName, field, "not an integer: " + value);
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  /** A date given as text (ISO date or instant) or as a number (epoch milliseconds). */
  Optional<Instant> instant(String jsonName, String field) {
    JsonNode value = node.get(jsonName);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber()) {
      return Optional.of(Instant.ofEpochMilli(value.longValue()));
    }
    Optional<Instant> parsed =
        value.isTextual() ? PublishedAt.parse(value.asText()) : Optional.empty();
    if (parsed.isEmpty()) {
      reject(
          jsonName,
          field,
          "not a date: " + (value.isTextual() ? "'" + value.asText() + "'" : value));
    }
    return parsed;
  }

  /** The paper's publication date, which every paper must have. */
  void publishedAt(String jsonName) {
    if (!has(jsonName)) {
      reject(jsonName, "publishedAt", "missing");
    } else {
      instant(jsonName, "publishedAt").ifPresent(draft::publishedAt);
    }
  }

  /**
   * A name given as text or as an object holding it under one of {@code keys}, in order (Daily
   * Papers' {@code submittedBy} and {@code organization} objects).
   */
  Optional<String> name(String jsonName, String field, String... keys) {
    JsonNode value = node.get(jsonName);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(value.asText());
    }
    if (value.isObject()) {
      for (String key : keys) {
        JsonNode name = value.get(key);
        if (name != null && name.isTextual() && !name.asText().isBlank()) {
          return Optional.of(name.asText());
        }
      }
      return Optional.empty();
    }
    reject(
        jsonName,
        field,
        "not a name or an object with " + String.join(" or ", keys) + ": " + value);
    return Optional.empty();
  }

  /**
   * An array of strings, or of objects whose {@code objectKey} holds the string (authors[].name).
   */
  Optional<List<String>> strings(String jsonName, String field, String objectKey) {
    Optional<JsonNode> array = array(jsonName, field);
    if (array.isEmpty()) {
      return Optional.empty();
    }
    JsonNode value = array.get();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      JsonNode text = objectKey != null && item.isObject() ? item.get(objectKey) : item;
      if (text == null || !text.isTextual()) {
        draft.reject(
            field,
            "not a list of "
                + (objectKey == null ? "strings" : "{\"" + objectKey + "\": string}")
                + ": "
                + item,
            pointerOf(jsonName) + "/" + i);
        return Optional.empty();
      }
      out.add(text.asText());
    }
    return Optional.of(out);
  }

  /** An array of objects, each read with its own fields. */
  Optional<List<JsonFields>> objects(String jsonName, String field) {
    Optional<JsonNode> array = array(jsonName, field);
    if (array.isEmpty()) {
      return Optional.empty();
    }
    JsonNode value = array.get();
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isObject()) {
        draft.reject(
            field, "not a list of objects: " + value.get(i), pointerOf(jsonName) + "/" + i);
        return Optional.empty();
      }
      out.add(new JsonFields(value.get(i), pointerOf(jsonName) + "/" + i, draft));
    }
    return Optional.of(out);
  }

  /**
   * The array in {@code jsonName}; absent when missing or null, and the record rejected when not an
   * array.
   */
  private Optional<JsonNode> array(String jsonName, String field) {
    JsonNode value = node.get(jsonName);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      reject(jsonName, field, "not an array: " + value);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private void reject(String jsonName, String field, String message) {
    draft.reject(field, message, pointerOf(jsonName));
  }

  private String pointerOf(String jsonName) {
    return pointer + "/" + jsonName.replace("~", "~0").replace("/", "~1");
  }
}
