package io.paperpulse.registry.server;

import static io.paperpulse.registry.server.RegistryServerTest.assertError;
import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.testing.InMemoryRegistryTest;
import io.paperpulse.registry.testing.RawHttp;
import io.paperpulse.registry.testing.RawHttp.Answer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Schemas that use named types defined in other registered schemas (Confluent's references, since
 * 5.5).
 */
class SchemaReferencesTest extends InMemoryRegistryTest {

  static final String AUTHOR =
      """
            {"type":"record","name":"Author","namespace":"io.example","fields":[{"name":"name","type":"string"}]}""";

  /** AUTHOR plus a field with a default: backward compatible. */
  static final String AUTHOR_V2 =
      """
            {"type":"record","name":"Author","namespace":"io.example","fields":[{"name":"name","type":"string"},
             {"name":"orcid","type":["null","string"],"default":null}]}""";

  /** AUTHOR plus a field without default: readers of old data cannot fill it. */
  static final String AUTHOR_BREAKING =
      """
            {"type":"record","name":"Author","namespace":"io.example","fields":[{"name":"name","type":"string"},
             {"name":"affiliation","type":"string"}]}""";

  /** Uses io.example.Author by name only: it cannot be parsed without its reference. */
  static final String PAPER =
      """
            {"type":"record","name":"Paper","namespace":"io.example","fields":[{"name":"id","type":"string"},
             {"name":"authors","type":{"type":"array","items":"io.example.Author"}}]}""";

  static Map<String, Object> withReference(String schema, String subject, int version) {
    return Map.of(
        "schemaType",
        "AVRO",
        "schema",
        schema,
        "references",
        List.of(Map.of("name", "io.example.Author", "subject", subject, "version", version)));
  }

  static String inlined(String referencing, String referenced) {
    Schema.Parser parser = new Schema.Parser();
    parser.parse(referenced);
    return parser.parse(referencing).toString();
  }

  @Test
  void registersResolvesAndShowsReferences() {
    int authorId =
        http.post("/subjects/author/versions", schemaBody(AUTHOR)).json().get("id").asInt();
    Answer registered =
        http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1));
    assertThat(registered.status()).as(registered.text()).isEqualTo(200);
    int paperId = registered.json().get("id").asInt();
    assertThat(paperId).isNotEqualTo(authorId);

    String reference = "[{\"name\":\"io.example.Author\",\"subject\":\"author\",\"version\":1}]";
    Answer version = http.get("/subjects/papers-value/versions/1");
    assertThat(version.json().get("references").toString()).isEqualTo(reference);
    // the stored text keeps the referenced type by name (relative to the namespace, as Avro writes
    // it)
    String stored = version.json().get("schema").asText();
    assertThat(stored).contains("\"items\":\"Author\"").doesNotContain("\"name\":\"name\"");
    Answer byId = http.get("/schemas/ids/" + paperId + "?fetchMaxId=false&subject=papers-value");
    assertThat(byId.json().get("schema").asText()).isEqualTo(stored);
    assertThat(byId.json().get("references").toString()).isEqualTo(reference);
    // a schema without references shows no references field, as Confluent omits it
    assertThat(http.get("/schemas/ids/" + authorId).json().has("references")).isFalse();
    assertThat(http.get("/schemas?subjectPrefix=papers").json().get(0).get("references").toString())
        .isEqualTo(reference);

    // registering again, or looking up, with the same references finds the same version
    assertThat(
            http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1))
                .json()
                .get("id")
                .asInt())
        .isEqualTo(paperId);
    Answer lookup = http.post("/subjects/papers-value", withReference(PAPER, "author", 1));
    assertThat(lookup.json().get("version").asInt()).isEqualTo(1);
    assertThat(lookup.json().get("references").toString()).isEqualTo(reference);
    // so does the schema with the referenced type inlined, which is what a plain Avro serializer
    // sends
    String inlined = inlined(PAPER, AUTHOR);
    assertThat(http.post("/subjects/papers-value", schemaBody(inlined)).json().get("id").asInt())
        .isEqualTo(paperId);
    assertThat(
            http.post("/subjects/papers-value/versions", schemaBody(inlined))
                .json()
                .get("id")
                .asInt())
        .isEqualTo(paperId);
    assertThat(http.get("/subjects/papers-value/versions").text()).isEqualTo("[1]");
  }

  @Test
  void referencesMustNameRegisteredVersions() {
    assertError(http.post("/subjects/p-value/versions", schemaBody(PAPER)), 422, 42201);
    assertError(
        http.post("/subjects/p-value/versions", withReference(PAPER, "author", 1)), 422, 42201);
    http.post("/subjects/author/versions", schemaBody(AUTHOR));
    assertError(
        http.post("/subjects/p-value/versions", withReference(PAPER, "author", 2)), 422, 42201);
    assertError(
        http.post(
            "/subjects/p-value/versions",
            Map.of(
                "schema",
                PAPER,
                "references",
                List.of(Map.of("name", "io.example.Author", "subject", "author")))),
        422,
        42201);
    assertThat(http.post("/subjects/p-value/versions", withReference(PAPER, "author", 1)).status())
        .isEqualTo(200);
  }

  @Test
  void compatibilityIsCheckedOnResolvedSchemas() {
    http.post("/subjects/author/versions", schemaBody(AUTHOR));
    http.put("/config/author", Map.of("compatibility", "NONE"));
    http.post("/subjects/author/versions", schemaBody(AUTHOR_V2));
    http.post("/subjects/author/versions", schemaBody(AUTHOR_BREAKING));
    http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1));

    // same Paper text, but the referenced Author changed: only the resolved schemas show the
    // difference
    Answer ok =
        http.post(
            "/compatibility/subjects/papers-value/versions/latest",
            withReference(PAPER, "author", 2));
    assertThat(ok.json().get("is_compatible").asBoolean()).isTrue();
    Answer bad =
        http.post(
            "/compatibility/subjects/papers-value/versions/latest?verbose=true",
            withReference(PAPER, "author", 3));
    assertThat(bad.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(bad.json().get("messages").toString()).contains("affiliation");

    assertThat(
            http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 3))
                .status())
        .isEqualTo(409);
    assertThat(
            http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 2))
                .status())
        .isEqualTo(200);
    assertThat(http.get("/subjects/papers-value/versions").text()).isEqualTo("[1,2]");
  }

  @Test
  void referencedByListsReferrersAndReferencedVersionsCannotBeDeleted() {
    http.post("/subjects/author/versions", schemaBody(AUTHOR));
    http.post("/subjects/author/versions", schemaBody(AUTHOR_V2));
    int first =
        http.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1))
            .json()
            .get("id")
            .asInt();
    String other = PAPER.replace("\"Paper\"", "\"Draft\"");
    int second =
        http.post("/subjects/drafts-value/versions", withReference(other, "author", 1))
            .json()
            .get("id")
            .asInt();

    assertThat(http.get("/subjects/author/versions/1/referencedby").text())
        .isEqualTo("[" + Math.min(first, second) + "," + Math.max(first, second) + "]");
    assertThat(http.get("/subjects/author/versions/2/referencedby").text()).isEqualTo("[]");
    assertThat(http.get("/subjects/author/versions/latest/referencedby").text()).isEqualTo("[]");
    assertError(http.get("/subjects/author/versions/9/referencedby"), 404, 40402);
    assertError(http.get("/subjects/nope/versions/1/referencedby"), 404, 40401);
    assertError(http.get("/subjects/author/versions/x/referencedby"), 422, 42202);

    Answer refused = http.delete("/subjects/author/versions/1");
    assertError(refused, 422, 42206);
    assertThat(refused.json().get("message").asText()).contains("author", "1");
    assertError(http.delete("/subjects/author"), 422, 42206);
    assertThat(http.delete("/subjects/author/versions/2").text()).isEqualTo("2");

    // a soft-deleted referrer still pins the version: its id must keep resolving
    http.delete("/subjects/drafts-value");
    assertError(http.delete("/subjects/author/versions/1"), 422, 42206);
    assertThat(http.get("/subjects/author/versions/1/referencedby").text())
        .contains(String.valueOf(second));
    http.delete("/subjects/drafts-value?permanent=true");
    http.delete("/subjects/papers-value");
    http.delete("/subjects/papers-value?permanent=true");
    assertThat(http.get("/subjects/author/versions/1/referencedby").text()).isEqualTo("[]");
    assertThat(http.delete("/subjects/author/versions/1").text()).isEqualTo("1");
  }

  @Test
  void referencesSurviveARestartOnTheSameStore() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    int paperId;
    try (SchemaRegistryServer first = new SchemaRegistryServer(0, store).start()) {
      RawHttp api = new RawHttp(first.url());
      api.post("/subjects/author/versions", schemaBody(AUTHOR));
      paperId =
          api.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1))
              .json()
              .get("id")
              .asInt();
    }
    try (SchemaRegistryServer second = new SchemaRegistryServer(0, store).start()) {
      RawHttp api = new RawHttp(second.url());
      assertThat(
              api.post("/subjects/papers-value/versions", withReference(PAPER, "author", 1))
                  .json()
                  .get("id")
                  .asInt())
          .isEqualTo(paperId);
      assertThat(
              api.get("/schemas/ids/" + paperId)
                  .json()
                  .get("references")
                  .get(0)
                  .get("subject")
                  .asText())
          .isEqualTo("author");
      assertError(api.delete("/subjects/author/versions/1"), 422, 42206);
    }
  }
}
