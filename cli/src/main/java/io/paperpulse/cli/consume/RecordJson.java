package io.paperpulse.cli.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * One consumed record as {@code
 * {"topic","partition","offset","timestamp","key","value","headers"}}.
 */
final class RecordJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PayloadRenderer keys;
  private final PayloadRenderer values;

  RecordJson(PayloadRenderer keys, PayloadRenderer values) {
    this.keys = keys;
    this.values = values;
  }

  ObjectNode toJson(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode json = NODES.objectNode();
    json.put("topic", record.topic());
    json.put("partition", record.partition());
    json.put("offset", record.offset());
    if (record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE || record.timestamp() < 0) {
      json.putNull("timestamp");
    } else {
      json.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
    }
    json.set("key", keys.render(record.topic(), record.headers(), record.key()));
    json.set("value", values.render(record.topic(), record.headers(), record.value()));
    json.set("headers", headers(record));
    return json;
  }

  /**
   * Header values are bytes; shown as text when they are text. A repeated header name collects an
   * array.
   */
  private static ObjectNode headers(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode headers = NODES.objectNode();
    for (Header header : record.headers()) {
      JsonNode value =
          header.value() == null ? NODES.nullNode() : PayloadRenderer.raw(header.value());
      JsonNode existing = headers.get(header.key());
      if (existing == null) {
        headers.set(header.key(), value);
      } else if (existing instanceof ArrayNode array) {
        array.add(value);
      } else {
        headers.set(header.key(), NODES.arrayNode().add(existing).add(value));
      }
    }
    return headers;
  }
}
