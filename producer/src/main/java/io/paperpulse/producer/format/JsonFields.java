package io.paperpulse.producer.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of JSON fields into a {@link PaperDraft}: a present field of the wrong type rejects
 * the record naming the field, an absent or null field is simply absent.
 */
final class JsonFields {

    private final JsonNode node;
    private final PaperDraft draft;

    JsonFields(JsonNode node, PaperDraft draft) {
        this.node = node;
        this.draft = draft;
    }

    Optional<String> text(String jsonName, String field) {
        JsonNode value = node.get(jsonName);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            draft.reject(field, "not a string: " + value);
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
            draft.reject(field, "not an integer: " + value);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A date given as text (ISO date or instant) or as a number (epoch milliseconds). */
    void publishedAt(String jsonName) {
        JsonNode value = node.get(jsonName);
        if (value == null || value.isNull()) {
            draft.reject("publishedAt", "missing");
        } else if (value.isIntegralNumber()) {
            draft.publishedAt(Instant.ofEpochMilli(value.longValue()));
        } else if (value.isTextual()) {
            draft.publishedAt(value.asText());
        } else {
            draft.reject("publishedAt", "not a date: " + value);
        }
    }

    /** An array of strings, or of objects whose {@code objectKey} holds the string (authors[].name). */
    Optional<List<String>> strings(String jsonName, String field, String objectKey) {
        JsonNode value = node.get(jsonName);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            draft.reject(field, "not an array: " + value);
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            JsonNode text = objectKey != null && item.isObject() ? item.get(objectKey) : item;
            if (text == null || !text.isTextual()) {
                draft.reject(field, "not a list of " + (objectKey == null ? "strings" : "{\"" + objectKey + "\": string}") + ": " + item);
                return Optional.empty();
            }
            out.add(text.asText());
        }
        return Optional.of(out);
    }
}
