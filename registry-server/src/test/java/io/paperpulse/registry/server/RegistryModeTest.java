package io.paperpulse.registry.server;

import static io.paperpulse.registry.server.RegistryServerTest.V1;
import static io.paperpulse.registry.server.RegistryServerTest.V2;
import static io.paperpulse.registry.server.RegistryServerTest.V2_BREAKING;
import static io.paperpulse.registry.server.RegistryServerTest.assertError;
import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.testing.RawHttp;
import io.paperpulse.registry.testing.RawHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** READWRITE, READONLY and IMPORT: set globally and per subject, stored, and enforced. */
class RegistryModeTest {

  private InMemorySchemaStore store;
  private SchemaRegistryServer server;
  private RawHttp http;

  @BeforeEach
  void start() {
    store = new InMemorySchemaStore();
    server = new SchemaRegistryServer(0, store).start();
    http = new RawHttp(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Map<String, Object> mode(String mode) {
    return Map.of("mode", mode);
  }

  private static Map<String, Object> imported(String schema, int id, int version) {
    return Map.of("schemaType", "AVRO", "schema", schema, "id", id, "version", version);
  }

  @Test
  void globalAndSubjectModesAreSetReadAndDeleted() {
    assertThat(http.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
    assertError(http.get("/mode/p-value"), 404, 40409);
    assertThat(http.get("/mode/p-value?defaultToGlobal=true").text())
        .isEqualTo("{\"mode\":\"READWRITE\"}");

    Answer put = http.put("/mode/p-value", mode("readonly"));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.text()).isEqualTo("{\"mode\":\"READONLY\"}");
    assertThat(http.get("/mode/p-value").text()).isEqualTo("{\"mode\":\"READONLY\"}");
    assertThat(http.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");

    assertThat(http.delete("/mode/p-value").text()).isEqualTo("{\"mode\":\"READONLY\"}");
    assertError(http.get("/mode/p-value"), 404, 40409);
    assertError(http.delete("/mode/p-value"), 404, 40401);

    assertError(http.put("/mode", mode("SIDEWAYS")), 422, 42204);
    assertError(http.put("/mode/p-value", Map.of()), 422, 42204);
  }

  @Test
  void readOnlyRefusesChangesWith42205() {
    int id = http.post("/subjects/p-value/versions", schemaBody(V1)).json().get("id").asInt();
    http.put("/mode", mode("READONLY"));

    Answer refused = http.post("/subjects/p-value/versions", schemaBody(V2));
    assertError(refused, 422, 42205);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("Subject p-value is in read-only mode");
    assertError(http.post("/subjects/q-value/versions", schemaBody(V1)), 422, 42205);
    assertError(http.delete("/subjects/p-value/versions/1"), 422, 42205);
    assertError(http.delete("/subjects/p-value"), 422, 42205);
    assertError(http.put("/config/p-value", Map.of("compatibility", "NONE")), 422, 42205);
    // what is already registered is still answered, so producers keep serializing
    assertThat(http.post("/subjects/p-value/versions", schemaBody(V1)).json().get("id").asInt())
        .isEqualTo(id);
    assertThat(http.post("/subjects/p-value", schemaBody(V1)).status()).isEqualTo(200);

    // a subject's own mode overrides the global one
    http.put("/mode/p-value", mode("READWRITE"));
    assertThat(http.post("/subjects/p-value/versions", schemaBody(V2)).status()).isEqualTo(200);
    assertError(http.post("/subjects/q-value/versions", schemaBody(V1)), 422, 42205);
  }

  @Test
  void importModeTakesGivenIdsAndVersions() {
    assertThat(http.put("/mode", mode("IMPORT")).text()).isEqualTo("{\"mode\":\"IMPORT\"}");

    Answer first = http.post("/subjects/i-value/versions", imported(V1, 100, 3));
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.text()).isEqualTo("{\"id\":100}");
    // no compatibility check on import: the breaking schema goes in as given
    assertThat(http.post("/subjects/i-value/versions", imported(V2_BREAKING, 7, 4)).text())
        .isEqualTo("{\"id\":7}");
    assertThat(http.get("/subjects/i-value/versions").text()).isEqualTo("[3,4]");
    assertThat(http.get("/subjects/i-value/versions/3").json().get("id").asInt()).isEqualTo(100);
    assertThat(http.get("/schemas/ids/7").status()).isEqualTo(200);
    // importing the same thing again is idempotent
    assertThat(http.post("/subjects/i-value/versions", imported(V1, 100, 3)).text())
        .isEqualTo("{\"id\":100}");

    Answer plain = http.post("/subjects/i-value/versions", schemaBody(V2));
    assertError(plain, 422, 42205);
    assertThat(plain.json().get("message").asText()).contains("not in read-write mode");
    assertError(http.post("/subjects/j-value/versions", imported(V2, 100, 1)), 422, 42205);
    assertError(http.post("/subjects/i-value/versions", imported(V2, 101, 3)), 422, 42205);

    http.put("/mode", mode("READWRITE"));
    Answer withId = http.post("/subjects/k-value/versions", imported(V2, 200, 1));
    assertError(withId, 422, 42205);
    assertThat(withId.json().get("message").asText()).contains("not in import mode");
    // ids handed out afterwards continue above the highest imported one
    String fresh = "{\"type\":\"record\",\"name\":\"Fresh\",\"fields\":[]}";
    assertThat(http.post("/subjects/k-value/versions", schemaBody(fresh)).json().get("id").asInt())
        .isEqualTo(101);
  }

  @Test
  void switchingToImportNeedsAnEmptyScopeOrForce() {
    http.post("/subjects/full-value/versions", schemaBody(V1));

    Answer refused = http.put("/mode", mode("IMPORT"));
    assertError(refused, 422, 42205);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("Cannot import since found existing subjects");
    assertError(http.put("/mode/full-value", mode("IMPORT")), 422, 42205);
    assertThat(http.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");

    // a subject without live versions may switch on its own
    assertThat(http.put("/mode/empty-value", mode("IMPORT")).status()).isEqualTo(200);
    assertThat(http.put("/mode/full-value?force=true", mode("IMPORT")).text())
        .isEqualTo("{\"mode\":\"IMPORT\"}");
    assertThat(http.put("/mode?force=true", mode("IMPORT")).status()).isEqualTo(200);
    // already importing: setting IMPORT again needs no force
    assertThat(http.put("/mode/full-value", mode("IMPORT")).status()).isEqualTo(200);
  }

  @Test
  void modesSurviveARestartOnTheSameStore() {
    http.post("/subjects/p-value/versions", schemaBody(V1));
    http.put("/mode/p-value", mode("READONLY"));
    http.put("/mode/q-value", mode("IMPORT"));
    http.put("/mode/q-value", mode("READWRITE"));
    http.put("/mode/r-value", mode("IMPORT"));
    http.delete("/mode/r-value");
    server.close();

    server = new SchemaRegistryServer(0, store).start();
    http = new RawHttp(server.url());
    assertThat(http.get("/mode/p-value").text()).isEqualTo("{\"mode\":\"READONLY\"}");
    assertThat(http.get("/mode/q-value").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
    assertError(http.get("/mode/r-value"), 404, 40409);
    assertError(http.post("/subjects/p-value/versions", schemaBody(V2)), 422, 42205);
  }
}
