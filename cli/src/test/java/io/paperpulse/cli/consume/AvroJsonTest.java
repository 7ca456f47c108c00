package io.paperpulse.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              """
            {"type":"record","name":"Sample","fields":[
              {"name":"title","type":"string"},
              {"name":"publishedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"bucket","type":{"type":"int","logicalType":"date"}},
              {"name":"upvotes","type":["null","int"],"default":null},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["TOPIC","KEYPHRASE"]}},
              {"name":"tags","type":{"type":"array","items":"string"}},
              {"name":"scores","type":{"type":"map","values":"double"}},
              {"name":"raw","type":"bytes"}
            ]}""");

  @Test
  void rendersLogicalTypesReadablyAndUnionsWithoutWrappers() {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("title", new Utf8("Attention"));
    record.put("publishedAt", Instant.parse("2024-01-12T00:00:00Z").toEpochMilli());
    record.put("bucket", (int) LocalDate.parse("2024-01-08").toEpochDay());
    record.put("upvotes", 42);
    record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "TOPIC"));
    record.put("tags", List.of(new Utf8("llm"), new Utf8("agents")));
    record.put("scores", Map.of(new Utf8("llm"), 0.5));
    record.put("raw", ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));

    JsonNode json = AvroJson.toJson(record, SCHEMA);

    assertThat(json.get("title").asText()).isEqualTo("Attention");
    assertThat(json.get("publishedAt").asText()).isEqualTo("2024-01-12T00:00:00Z");
    assertThat(json.get("bucket").asText()).isEqualTo("2024-01-08");
    assertThat(json.get("upvotes").isInt()).isTrue();
    assertThat(json.get("upvotes").asInt()).isEqualTo(42);
    assertThat(json.get("kind").asText()).isEqualTo("TOPIC");
    assertThat(json.get("tags").toString()).isEqualTo("[\"llm\",\"agents\"]");
    assertThat(json.get("scores").get("llm").asDouble()).isEqualTo(0.5);
    assertThat(json.get("raw").asText()).isEqualTo("aGk=");
  }

  @Test
  void rendersNullUnionBranchAsJsonNull() {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("title", "t");
    record.put("publishedAt", 0L);
    record.put("bucket", 0);
    record.put("upvotes", null);
    record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "KEYPHRASE"));
    record.put("tags", List.of());
    record.put("scores", Map.of());
    record.put("raw", ByteBuffer.allocate(0));

    JsonNode json = AvroJson.toJson(record, SCHEMA);

    assertThat(json.get("upvotes").isNull()).isTrue();
    assertThat(json.get("publishedAt").asText()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void showsTextAsTextAndBinaryAsBase64() {
    assertThat(PayloadRenderer.raw("2401.00001".getBytes(StandardCharsets.UTF_8)).asText())
        .isEqualTo("2401.00001");
    assertThat(PayloadRenderer.raw(new byte[] {0x01, (byte) 0xff}).asText()).isEqualTo("Af8=");
  }
}
