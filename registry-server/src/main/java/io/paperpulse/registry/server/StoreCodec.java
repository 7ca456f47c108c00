package io.paperpulse.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.registry.client.SchemaReference;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON encoding of store entries on the {@code _schemas} topic, shaped like Confluent's own records
 * ({@code {"keytype":"SCHEMA","subject":...,"version":...}} keys) so the topic reads familiarly.
 *
 * <p>Fields added later are optional on reading, so records written before them still load: a
 * schema value without {@code references} has none, and MODE records were skipped as unknown by
 * registries that predate modes.
 */
final class StoreCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreCodec() {}

  static byte[] encodeKey(StoreKey key) {
    ObjectNode node = JSON.createObjectNode();
    if (key instanceof StoreKey.SchemaVersion schema) {
      node.put("keytype", "SCHEMA")
          .put("subject", schema.subject())
          .put("version", schema.version())
          .put("magic", 1);
    } else if (key instanceof StoreKey.Config config) {
      node.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
    } else if (key instanceof StoreKey.Mode mode) {
      node.put("keytype", "MODE").put("subject", mode.subject()).put("magic", 0);
    } else {
      node.put("keytype", "ID_WATERMARK").put("magic", 0);
    }
    return bytes(node);
  }

  static byte[] encodeValue(StoreValue value) {
    if (value == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    if (value instanceof StoreValue.SchemaVersion schema) {
      node.put("subject", schema.subject())
          .put("version", schema.version())
          .put("id", schema.id())
          .put("schema", schema.schema())
          .put("deleted", schema.deleted());
      RegistryHttpApi.putReferences(node, schema.references());
    } else if (value instanceof StoreValue.Config config) {
      node.put("compatibilityLevel", config.level().name());
    } else if (value instanceof StoreValue.Mode mode) {
      node.put("mode", mode.mode().name());
    } else if (value instanceof StoreValue.IdWatermark watermark) {
      node.put("maxId", watermark.maxId());
    }
    return bytes(node);
  }

  /**
   * Decodes one record; empty for key types this registry does not use (records other tools may
   * write).
   */
  static Optional<StoreEntry> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
    JsonNode key = JSON.readTree(keyBytes);
    JsonNode value = valueBytes == null ? null : JSON.readTree(valueBytes);
    String type = key.path("keytype").asText("");
    switch (type) {
      case "SCHEMA" -> {
        StoreKey.SchemaVersion storeKey =
            new StoreKey.SchemaVersion(key.path("subject").asText(), key.path("version").asInt());
        if (value == null) {
          return Optional.of(StoreEntry.tombstone(storeKey));
        }
        return Optional.of(
            new StoreEntry(
                storeKey,
                new StoreValue.SchemaVersion(
                    value.path("subject").asText(),
                    value.path("version").asInt(),
                    value.path("id").asInt(),
                    value.path("schema").asText(),
                    references(value.path("references")),
                    value.path("deleted").asBoolean(false))));
      }
      case "CONFIG" -> {
        JsonNode subject = key.get("subject");
        StoreKey.Config storeKey =
            new StoreKey.Config(subject == null || subject.isNull() ? null : subject.asText());
        if (value == null) {
          return Optional.of(StoreEntry.tombstone(storeKey));
        }
        String name = value.path("compatibilityLevel").asText();
        Optional<CompatibilityLevel> level = CompatibilityLevel.parse(name);
        if (level.isEmpty()) {
          throw new IOException("unknown compatibility level '" + name + "'");
        }
        return Optional.of(new StoreEntry(storeKey, new StoreValue.Config(level.get())));
      }
      case "MODE" -> {
        JsonNode subject = key.get("subject");
        StoreKey.Mode storeKey =
            new StoreKey.Mode(subject == null || subject.isNull() ? null : subject.asText());
        if (value == null) {
          return Optional.of(StoreEntry.tombstone(storeKey));
        }
        String name = value.path("mode").asText();
        Optional<RegistryMode> mode = RegistryMode.parse(name);
        if (mode.isEmpty()) {
          throw new IOException("unknown mode '" + name + "'");
        }
        return Optional.of(new StoreEntry(storeKey, new StoreValue.Mode(mode.get())));
      }
      case "ID_WATERMARK" -> {
        StoreKey.IdWatermark storeKey = new StoreKey.IdWatermark();
        return Optional.of(
            value == null
                ? StoreEntry.tombstone(storeKey)
                : new StoreEntry(
                    storeKey, new StoreValue.IdWatermark(value.path("maxId").asInt())));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static List<SchemaReference> references(JsonNode array) throws IOException {
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode ref : array) {
      if (!ref.path("name").isTextual()
          || !ref.path("subject").isTextual()
          || !ref.path("version").canConvertToInt()) {
        throw new IOException("schema reference lacks name, subject or version: " + ref);
      }
      references.add(
          new SchemaReference(
              ref.get("name").asText(), ref.get("subject").asText(), ref.get("version").asInt()));
    }
    return references;
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
