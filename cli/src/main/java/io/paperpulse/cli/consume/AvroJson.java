package io.paperpulse.cli.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders an Avro datum as a Jackson tree for people and {@code jq}: records become objects, unions
 * show the value itself (no Avro JSON-encoding branch wrappers), logical types are readable
 * (timestamp-millis as an ISO instant, date as an ISO date, decimal as a number) and bytes are
 * base64.
 */
final class AvroJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  static JsonNode toJson(Object datum, Schema schema) {
    if (datum == null) {
      return NODES.nullNode();
    }
    if (datum instanceof TemporalAccessor
        || datum instanceof BigDecimal
        || datum instanceof java.util.UUID) {
      // Already converted by a specific reader (e.g. generated classes with Instant/LocalDate
      // fields).
      return datum instanceof BigDecimal decimal
          ? NODES.numberNode(decimal)
          : NODES.textNode(datum.toString());
    }
    return switch (schema.getType()) {
      case UNION ->
          toJson(datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
      case RECORD -> record((IndexedRecord) datum);
      case ARRAY -> array((Collection<?>) datum, schema.getElementType());
      case MAP -> map((Map<?, ?>) datum, schema.getValueType());
      case ENUM, STRING -> NODES.textNode(datum.toString());
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case INT -> intValue(((Number) datum).intValue(), schema.getLogicalType());
      case LONG -> longValue(((Number) datum).longValue(), schema.getLogicalType());
      case FLOAT -> NODES.numberNode(((Number) datum).floatValue());
      case DOUBLE -> NODES.numberNode(((Number) datum).doubleValue());
      case BYTES -> bytes(toArray((ByteBuffer) datum), schema.getLogicalType());
      case FIXED -> bytes(((GenericFixed) datum).bytes(), schema.getLogicalType());
      case NULL -> NODES.nullNode();
    };
  }

  private static ObjectNode record(IndexedRecord record) {
    ObjectNode object = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      object.set(field.name(), toJson(record.get(field.pos()), field.schema()));
    }
    return object;
  }

  private static ArrayNode array(Collection<?> values, Schema elementSchema) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(value -> array.add(toJson(value, elementSchema)));
    return array;
  }

  private static ObjectNode map(Map<?, ?> values, Schema valueSchema) {
    ObjectNode object = NODES.objectNode();
    values.forEach((key, value) -> object.set(key.toString(), toJson(value, valueSchema)));
    return object;
  }

  private static JsonNode intValue(int value, LogicalType logicalType) {
    if (logicalType instanceof LogicalTypes.Date) {
      return NODES.textNode(LocalDate.ofEpochDay(value).toString());
    }
    if (logicalType instanceof LogicalTypes.TimeMillis) {
      return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000_000L).toString());
    }
    return NODES.numberNode(value);
  }

  private static JsonNode longValue(long value, LogicalType logicalType) {
    if (logicalType instanceof LogicalTypes.TimestampMillis) {
      return NODES.textNode(Instant.ofEpochMilli(value).toString());
    }
    if (logicalType instanceof LogicalTypes.TimestampMicros) {
      return NODES.textNode(Instant.EPOCH.plus(value, ChronoUnit.MICROS).toString());
    }
    if (logicalType instanceof LogicalTypes.LocalTimestampMillis) {
      return NODES.textNode(
          Instant.ofEpochMilli(value).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
    }
    if (logicalType instanceof LogicalTypes.LocalTimestampMicros) {
      return NODES.textNode(
          Instant.EPOCH
              .plus(value, ChronoUnit.MICROS)
              .atOffset(ZoneOffset.UTC)
              .toLocalDateTime()
              .toString());
    }
    if (logicalType instanceof LogicalTypes.TimeMicros) {
      return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000L).toString());
    }
    return NODES.numberNode(value);
  }

  private static JsonNode bytes(byte[] bytes, LogicalType logicalType) {
    if (logicalType instanceof LogicalTypes.Decimal decimal) {
      return NODES.numberNode(new BigDecimal(new BigInteger(bytes), decimal.getScale()));
    }
    return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
  }

  private static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
