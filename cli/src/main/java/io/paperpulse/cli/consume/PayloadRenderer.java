package io.paperpulse.cli.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a record key or value as JSON: Confluent-framed Avro is decoded through the registry,
 * anything else (plain strings, foreign binary formats, DLQ payloads that failed to decode) is
 * shown as a UTF-8 string when it is valid text and as base64 otherwise.
 */
final class PayloadRenderer {

  private static final Logger LOG = LoggerFactory.getLogger(PayloadRenderer.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final byte CONFLUENT_MAGIC_BYTE = 0x0;
  private static final int CONFLUENT_HEADER_SIZE = 5;

  private final Deserializer<Object> avroDeserializer;

  PayloadRenderer(Deserializer<Object> avroDeserializer) {
    this.avroDeserializer = avroDeserializer;
  }

  JsonNode render(String topic, Headers headers, byte[] payload) {
    if (payload == null) {
      return NODES.nullNode();
    }
    if (looksLikeConfluentAvro(payload)) {
      try {
        Object datum = avroDeserializer.deserialize(topic, headers, payload);
        // Top-level Avro bytes come back as byte[], which schema induction does not know.
        return datum instanceof byte[] bytes
            ? NODES.textNode(Base64.getEncoder().encodeToString(bytes))
            : AvroJson.toJson(datum, GenericData.get().induce(datum));
      } catch (RuntimeException e) {
        // Still worth printing: the raw bytes are what a DLQ inspection needs to see.
        LOG.debug(
            "Payload on {} is framed like Avro but did not decode: {}", topic, e.getMessage());
      }
    }
    return raw(payload);
  }

  static JsonNode raw(byte[] payload) {
    return NODES.textNode(
        utf8(payload).orElseGet(() -> Base64.getEncoder().encodeToString(payload)));
  }

  private static boolean looksLikeConfluentAvro(byte[] payload) {
    return payload.length >= CONFLUENT_HEADER_SIZE && payload[0] == CONFLUENT_MAGIC_BYTE;
  }

  private static Optional<String> utf8(byte[] payload) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
      return text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))
          ? Optional.empty()
          : Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
