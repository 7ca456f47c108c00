package io.paperpulse.registry.server;

import static io.paperpulse.registry.testing.RawHttp.CONFLUENT_TYPE;
import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.testing.InMemoryRegistryTest;
import io.paperpulse.registry.testing.RawHttp;
import io.paperpulse.registry.testing.RawHttp.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistryServerTest extends InMemoryRegistryTest {

  static final String V1 =
      """
            {"type":"record","name":"Paper","namespace":"t","fields":[{"name":"id","type":"string"}]}""";

  /** V1 plus a field with a default: backward compatible. */
  static final String V2 =
      """
            {"type":"record","name":"Paper","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"upvotes","type":"int","default":0}]}""";

  /** V1 plus a field without default: not backward compatible. */
  static final String V2_BREAKING =
      """
            {"type":"record","name":"Paper","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"title","type":"string"}]}""";

  @Test
  void registersAndReadsBackLikeConfluent() {
    Answer registered =
        http.post("/subjects/papers-value/versions?normalize=false", schemaBody(V1));
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.contentType()).startsWith(CONFLUENT_TYPE);
    int id = registered.json().get("id").asInt();
    assertThat(registered.json().size()).isEqualTo(1);

    Answer byId = http.get("/schemas/ids/" + id + "?fetchMaxId=false&subject=");
    assertThat(byId.status()).isEqualTo(200);
    assertThat(new Schema.Parser().parse(byId.json().get("schema").asText()))
        .isEqualTo(new Schema.Parser().parse(V1));

    Answer latest = http.get("/subjects/papers-value/versions/latest");
    assertThat(latest.json().get("subject").asText()).isEqualTo("papers-value");
    assertThat(latest.json().get("version").asInt()).isEqualTo(1);
    assertThat(latest.json().get("id").asInt()).isEqualTo(id);
    assertThat(http.get("/subjects/papers-value/versions/1").json()).isEqualTo(latest.json());
    assertThat(http.get("/subjects/papers-value/versions/-1").json()).isEqualTo(latest.json());

    Answer raw = http.get("/subjects/papers-value/versions/1/schema");
    assertThat(raw.json().get("name").asText()).isEqualTo("Paper");

    Answer lookup =
        http.post("/subjects/papers-value?normalize=false&deleted=false", schemaBody(V1));
    assertThat(lookup.json().get("id").asInt()).isEqualTo(id);
    assertThat(lookup.json().get("version").asInt()).isEqualTo(1);

    assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"papers-value\"]");
    assertThat(http.get("/subjects/papers-value/versions").json().toString()).isEqualTo("[1]");
    assertThat(http.get("/schemas/ids/" + id + "/versions").json().toString())
        .isEqualTo("[{\"subject\":\"papers-value\",\"version\":1}]");
    assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    assertThat(http.get("/").json().toString()).isEqualTo("{}");
    assertThat(http.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void idsAreGlobalAndRegistrationIsIdempotent() {
    int first = http.post("/subjects/a-value/versions", schemaBody(V1)).json().get("id").asInt();
    String reformatted = V1.replace(",", " ,\n ");
    int again =
        http.post("/subjects/a-value/versions", schemaBody(reformatted)).json().get("id").asInt();
    int otherSubject =
        http.post("/subjects/b-value/versions", schemaBody(V1)).json().get("id").asInt();
    int evolved = http.post("/subjects/a-value/versions", schemaBody(V2)).json().get("id").asInt();

    assertThat(again).isEqualTo(first);
    assertThat(otherSubject).isEqualTo(first);
    assertThat(evolved).isNotEqualTo(first);
    assertThat(http.get("/subjects/a-value/versions").json().toString()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects/b-value/versions").json().toString()).isEqualTo("[1]");
    assertThat(http.get("/schemas/ids/" + first + "/subjects").json().toString())
        .isEqualTo("[\"a-value\",\"b-value\"]");
  }

  @Test
  void concurrentRegistrationOfOneSchemaYieldsOneIdAndOneVersion() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> ids = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<Integer> register =
            () -> {
              go.await();
              return http.post("/subjects/race-value/versions", schemaBody(V1))
                  .json()
                  .get("id")
                  .asInt();
            };
        ids.add(pool.submit(register));
      }
      go.countDown();
      Set<Integer> distinct = new HashSet<>();
      for (Future<Integer> id : ids) {
        distinct.add(id.get());
      }
      assertThat(distinct).hasSize(1);
      assertThat(http.get("/subjects/race-value/versions").json().toString()).isEqualTo("[1]");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void incompatibleChangeIsRefusedWith409AndCompatibilityEndpointExplains() {
    http.post("/subjects/p-value/versions", schemaBody(V1));

    Answer refused = http.post("/subjects/p-value/versions", schemaBody(V2_BREAKING));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error_code").asInt()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("incompatible", "p-value");

    Answer ok = http.post("/compatibility/subjects/p-value/versions/latest", schemaBody(V2));
    assertThat(ok.json().get("is_compatible").asBoolean()).isTrue();
    assertThat(ok.json().has("messages")).isFalse();
    Answer bad =
        http.post(
            "/compatibility/subjects/p-value/versions/1?verbose=true", schemaBody(V2_BREAKING));
    assertThat(bad.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(bad.json().get("messages").get(0).asText()).contains("title");

    http.put("/config/p-value", Map.of("compatibility", "NONE"));
    assertThat(http.post("/subjects/p-value/versions", schemaBody(V2_BREAKING)).status())
        .isEqualTo(200);
  }

  @Test
  void transitiveLevelChecksEveryLiveVersion() {
    String a =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    String b =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":1}]}";
    // replaces x by y: readers of b fill x from its default, readers of a cannot
    String c =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"y\",\"type\":\"int\",\"default\":2}]}";
    http.put("/config/t-value", Map.of("compatibility", "FORWARD_TRANSITIVE"));
    assertThat(http.post("/subjects/t-value/versions", schemaBody(a)).status()).isEqualTo(200);
    assertThat(http.post("/subjects/t-value/versions", schemaBody(b)).status()).isEqualTo(200);
    // forward: old readers must read c's data; b has a default for x, a does not
    Answer answer = http.post("/subjects/t-value/versions", schemaBody(c));
    assertThat(answer.status()).isEqualTo(409);
    http.put("/config/t-value", Map.of("compatibility", "FORWARD"));
    assertThat(http.post("/subjects/t-value/versions", schemaBody(c)).status()).isEqualTo(200);
  }

  @Test
  void errorCodesFollowConfluent() {
    http.post("/subjects/e-value/versions", schemaBody(V1));
    assertError(http.get("/subjects/nope/versions"), 404, 40401);
    assertError(http.get("/subjects/nope/versions/latest"), 404, 40401);
    assertError(http.post("/subjects/nope", schemaBody(V1)), 404, 40401);
    assertError(http.get("/subjects/e-value/versions/7"), 404, 40402);
    assertError(http.post("/subjects/e-value", schemaBody(V2)), 404, 40403);
    assertError(http.get("/schemas/ids/999"), 404, 40403);
    assertError(
        http.post("/subjects/e-value/versions", schemaBody("{\"type\":\"recordz\"}")), 422, 42201);
    assertError(http.post("/subjects/e-value/versions", schemaBody("not json")), 422, 42201);
    assertError(
        http.post("/subjects/e-value/versions", Map.of("schemaType", "PROTOBUF", "schema", "x")),
        422,
        42201);
    assertError(http.get("/subjects/e-value/versions/zero"), 422, 42202);
    assertError(http.get("/subjects/e-value/versions/0"), 422, 42202);
    assertError(http.put("/config", Map.of("compatibility", "SIDEWAYS")), 422, 42203);
    assertError(http.get("/config/e-value"), 404, 40408);
  }

  @Test
  void unknownPathsAnswer404WithErrorBodyNever405() {
    Answer association =
        http.get("/associations/resources/-/papers?resourceType=topic&associationType=value");
    assertError(association, 404, 404);
    assertError(http.send("PATCH", "/subjects", null, CONFLUENT_TYPE), 404, 404);
    assertError(http.delete("/schemas/types"), 404, 404);
    assertError(http.get("/no/such/thing"), 404, 404);
  }

  @Test
  void acceptsPlainJsonAndMissingContentType() {
    Answer plain =
        http.send("POST", "/subjects/j-value/versions", schemaBody(V1), "application/json");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.contentType()).startsWith(CONFLUENT_TYPE);
    Answer none = http.send("POST", "/subjects/j-value", Map.of("schema", V1), null);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void configIsGlobalWithSubjectOverrides() {
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    Answer put = http.put("/config", Map.of("compatibility", "full"));
    assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");

    assertThat(
            http.get("/config/s-value?defaultToGlobal=true")
                .json()
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("FULL");
    http.put("/config/s-value", Map.of("compatibility", "NONE"));
    assertThat(http.get("/config/s-value").json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(http.delete("/config/s-value").json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertError(http.get("/config/s-value"), 404, 40408);
  }

  @Test
  void softThenPermanentDelete() {
    int id = http.post("/subjects/d-value/versions", schemaBody(V1)).json().get("id").asInt();
    http.post("/subjects/d-value/versions", schemaBody(V2));

    assertError(http.delete("/subjects/d-value?permanent=true"), 404, 40405);
    assertThat(http.delete("/subjects/d-value").json().toString()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects").json().toString()).isEqualTo("[]");
    assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[\"d-value\"]");
    assertError(http.get("/subjects/d-value/versions"), 404, 40401);
    assertThat(http.get("/subjects/d-value/versions?deleted=true").json().toString())
        .isEqualTo("[1,2]");
    assertThat(http.get("/subjects/d-value/versions/1?deleted=true").status()).isEqualTo(200);
    assertError(http.delete("/subjects/d-value"), 404, 40404);
    // soft-deleted schemas still resolve by id: records on topics keep referring to them
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);

    assertThat(http.delete("/subjects/d-value?permanent=true").json().toString())
        .isEqualTo("[1,2]");
    assertError(http.get("/subjects/d-value/versions?deleted=true"), 404, 40401);
    assertError(http.get("/schemas/ids/" + id), 404, 40403);
    assertError(http.delete("/subjects/d-value"), 404, 40401);

    // a new schema after a permanent delete never reuses an id
    String other = "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[]}";
    int next = http.post("/subjects/d-value/versions", schemaBody(other)).json().get("id").asInt();
    assertThat(next).isGreaterThan(id + 1);
    assertThat(http.get("/subjects/d-value/versions").json().toString()).isEqualTo("[1]");
  }

  @Test
  void basicAuthRejectsAnonymousRequests() {
    try (SchemaRegistryServer secured =
        SchemaRegistryServer.builder()
            .store(new InMemorySchemaStore())
            .basicAuth("reg", "s3cret")
            .build()
            .start()) {
      Answer anonymous = new RawHttp(secured.url()).get("/subjects");
      assertError(anonymous, 401, 401);
      Answer wrong =
          new RawHttp(secured.url(), Map.of("Authorization", basic("reg:wrong"))).get("/subjects");
      assertError(wrong, 401, 401);
      Answer ok =
          new RawHttp(secured.url(), Map.of("Authorization", basic("reg:s3cret"))).get("/subjects");
      assertThat(ok.status()).isEqualTo(200);
    }
  }

  @Test
  void statePersistsAcrossRestartOnTheSameStore() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    int id;
    try (SchemaRegistryServer first = new SchemaRegistryServer(0, store).start()) {
      RawHttp api = new RawHttp(first.url());
      id = api.post("/subjects/r-value/versions", schemaBody(V1)).json().get("id").asInt();
      api.put("/config/r-value", Map.of("compatibility", "FULL"));
    }
    try (SchemaRegistryServer second = new SchemaRegistryServer(0, store).start()) {
      RawHttp api = new RawHttp(second.url());
      assertThat(api.post("/subjects/r-value/versions", schemaBody(V1)).json().get("id").asInt())
          .isEqualTo(id);
      assertThat(api.get("/config/r-value").json().get("compatibilityLevel").asText())
          .isEqualTo("FULL");
    }
  }

  static String basic(String userInfo) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes());
  }

  static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(CONFLUENT_TYPE);
    assertThat(answer.json().get("error_code").asInt()).as(answer.text()).isEqualTo(errorCode);
    assertThat(answer.json().get("message").asText()).isNotBlank();
  }
}
