package io.paperpulse.registry.serde;

import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.client.RegisteredSchema;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.testing.InMemoryRegistryTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading records whose writer schema was registered with references: the registry answers the
 * schema with the referenced type by name only, and the client must fetch the reference to parse
 * it.
 */
class ReferencedSchemaSerdeTest extends InMemoryRegistryTest {

  static final String ADDRESS =
      """
            {"type":"record","name":"Affiliation","namespace":"io.example",
             "fields":[{"name":"institution","type":"string"},{"name":"country","type":"string"}]}""";
  static final String AUTHOR =
      """
            {"type":"record","name":"Author","namespace":"io.example",
             "fields":[{"name":"name","type":"string"},{"name":"affiliation","type":"io.example.Affiliation"}]}""";
  static final String PAPER =
      """
            {"type":"record","name":"Paper","namespace":"io.example",
             "fields":[{"name":"id","type":"string"},{"name":"authors","type":{"type":"array","items":"io.example.Author"}},
                       {"name":"lead","type":"io.example.Author"}]}""";

  private RestSchemaRegistryClient client;
  private Schema inlined;
  private int paperId;

  @BeforeEach
  void registerChain() {
    client = new RestSchemaRegistryClient(server.url());
    http.post("/subjects/affiliation/versions", schemaBody(ADDRESS));
    // two levels: Paper -> Author -> Affiliation, each only by name
    assertThat(
            http.post(
                    "/subjects/author/versions",
                    Map.of(
                        "schema",
                        AUTHOR,
                        "references",
                        List.of(
                            Map.of(
                                "name",
                                "io.example.Affiliation",
                                "subject",
                                "affiliation",
                                "version",
                                1))))
                .status())
        .isEqualTo(200);
    paperId =
        http.post(
                "/subjects/papers-value/versions",
                Map.of(
                    "schema",
                    PAPER,
                    "references",
                    List.of(
                        Map.of("name", "io.example.Author", "subject", "author", "version", 1))))
            .json()
            .get("id")
            .asInt();
    Schema.Parser parser = new Schema.Parser();
    parser.parse(ADDRESS);
    parser.parse(AUTHOR);
    inlined = parser.parse(PAPER);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private GenericRecord samplePaper() {
    Schema author = inlined.getField("lead").schema();
    GenericRecord affiliation = new GenericData.Record(author.getField("affiliation").schema());
    affiliation.put("institution", "TU Delft");
    affiliation.put("country", "NL");
    GenericRecord lead = new GenericData.Record(author);
    lead.put("name", "Ada");
    lead.put("affiliation", affiliation);
    GenericRecord paper = new GenericData.Record(inlined);
    paper.put("id", "2401.00001");
    paper.put("authors", List.of(lead));
    paper.put("lead", lead);
    return paper;
  }

  private static byte[] wireFormat(int id, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[WireFormat.HEADER_SIZE];
    WireFormat.writeHeader(header, id);
    out.writeBytes(header);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void clientResolvesReferencesOfSchemaById() {
    assertThat(http.get("/schemas/ids/" + paperId).json().has("references")).isTrue();
    assertThat(client.getById(paperId)).isEqualTo(inlined);
    RegisteredSchema latest = client.latestVersion("papers-value");
    assertThat(latest.id()).isEqualTo(paperId);
    assertThat(latest.schema()).isEqualTo(inlined);
  }

  @Test
  void deserializerReadsRecordsWrittenWithAReferencingSchema() throws IOException {
    GenericRecord paper = samplePaper();
    byte[] bytes = wireFormat(paperId, paper);
    try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(Map.of("schema.registry.url", server.url()), false);
      Object read = deserializer.deserialize("papers", bytes);
      assertThat(read).isEqualTo(paper);
      assertThat(((GenericRecord) read).getSchema()).isEqualTo(inlined);
    }
  }

  @Test
  void serializerFindsTheReferencingVersionAndRoundTrips() {
    GenericRecord paper = samplePaper();
    // auto-registering the inlined schema must land on the version registered with references
    try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client, false);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client)) {
      byte[] bytes = serializer.serialize("papers", paper);
      assertThat(WireFormat.schemaId(bytes, "papers")).isEqualTo(paperId);
      assertThat(deserializer.deserialize("papers", bytes)).isEqualTo(paper);
    }
    try (AvroSerializer<GenericRecord> latest = new AvroSerializer<>()) {
      latest.configure(
          Map.of(
              "schema.registry.url",
              server.url(),
              "use.latest.version",
              true,
              "auto.register.schemas",
              false),
          false);
      assertThat(WireFormat.schemaId(latest.serialize("papers", paper), "papers"))
          .isEqualTo(paperId);
    }
    assertThat(http.get("/subjects/papers-value/versions").text()).isEqualTo("[1]");
  }
}
