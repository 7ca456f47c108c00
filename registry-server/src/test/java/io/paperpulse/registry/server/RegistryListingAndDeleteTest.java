package io.paperpulse.registry.server;

import static io.paperpulse.registry.server.RegistryServerTest.V1;
import static io.paperpulse.registry.server.RegistryServerTest.V2;
import static io.paperpulse.registry.server.RegistryServerTest.assertError;
import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.testing.InMemoryRegistryTest;
import io.paperpulse.registry.testing.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Subject listings with prefix and deleted filters, {@code GET /schemas}, and deleting single
 * versions.
 */
class RegistryListingAndDeleteTest extends InMemoryRegistryTest {

  static final String OTHER =
      "{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"t\",\"fields\":[]}";

  private int register(String subject, String schema) {
    Answer answer = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().get("id").asInt();
  }

  @Test
  void subjectPrefixFiltersTheListing() {
    register("papers-key", "\"string\"");
    register("papers-value", V1);
    register("tag-counts-value", OTHER);

    assertThat(http.get("/subjects?subjectPrefix=papers").text())
        .isEqualTo("[\"papers-key\",\"papers-value\"]");
    assertThat(http.get("/subjects?subjectPrefix=tag").text()).isEqualTo("[\"tag-counts-value\"]");
    assertThat(http.get("/subjects?subjectPrefix=nothing").text()).isEqualTo("[]");
    // Confluent's client sends an empty prefix for "all subjects"
    assertThat(http.get("/subjects?subjectPrefix=").text())
        .isEqualTo("[\"papers-key\",\"papers-value\",\"tag-counts-value\"]");
    assertThat(http.get("/subjects?offset=1&limit=1").text()).isEqualTo("[\"papers-value\"]");
  }

  @Test
  void deletedOnlyListsSoftDeletedSubjectsAndVersionsOnly() {
    register("live-value", V1);
    register("gone-value", OTHER);
    register("half-value", V1);
    register("half-value", V2);
    http.delete("/subjects/gone-value");
    assertThat(http.delete("/subjects/half-value/versions/1").text()).isEqualTo("1");

    assertThat(http.get("/subjects").text()).isEqualTo("[\"half-value\",\"live-value\"]");
    assertThat(http.get("/subjects?deletedOnly=true").text())
        .isEqualTo("[\"gone-value\",\"half-value\"]");
    // deletedOnly wins over deleted, as in Confluent
    assertThat(http.get("/subjects?deleted=true&deletedOnly=true").text())
        .isEqualTo("[\"gone-value\",\"half-value\"]");
    assertThat(http.get("/subjects?deleted=true").text())
        .isEqualTo("[\"gone-value\",\"half-value\",\"live-value\"]");

    assertThat(http.get("/subjects/half-value/versions?deletedOnly=true").text()).isEqualTo("[1]");
    assertThat(http.get("/subjects/half-value/versions").text()).isEqualTo("[2]");
    assertThat(http.get("/subjects/gone-value/versions?deletedOnly=true").text()).isEqualTo("[1]");
    assertError(http.get("/subjects/nope/versions?deletedOnly=true"), 404, 40401);
  }

  @Test
  void softThenPermanentDeleteOfOneVersion() {
    int id1 = register("d-value", V1);
    int id2 = register("d-value", V2);

    assertError(http.delete("/subjects/d-value/versions/1?permanent=true"), 404, 40407);
    Answer soft = http.delete("/subjects/d-value/versions/1");
    assertThat(soft.status()).isEqualTo(200);
    assertThat(soft.text()).isEqualTo("1");
    assertError(http.delete("/subjects/d-value/versions/1"), 404, 40406);
    assertThat(http.get("/subjects/d-value/versions").text()).isEqualTo("[2]");
    assertError(http.get("/subjects/d-value/versions/1"), 404, 40402);
    assertThat(http.get("/subjects/d-value/versions/1?deleted=true").json().get("id").asInt())
        .isEqualTo(id1);
    // records written with a soft-deleted version keep resolving
    assertThat(http.get("/schemas/ids/" + id1).status()).isEqualTo(200);

    assertThat(http.delete("/subjects/d-value/versions/1?permanent=true").text()).isEqualTo("1");
    assertThat(http.get("/subjects/d-value/versions?deleted=true").text()).isEqualTo("[2]");
    assertError(http.get("/schemas/ids/" + id1), 404, 40403);
    assertError(http.delete("/subjects/d-value/versions/1?permanent=true"), 404, 40402);
    assertThat(http.get("/schemas/ids/" + id2).status()).isEqualTo(200);
    // the next version number continues after the highest one ever used
    int id3 =
        register(
            "d-value",
            "{\"type\":\"record\",\"name\":\"Paper\",\"namespace\":\"t\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"upvotes\",\"type\":\"int\",\"default\":0},"
                + "{\"name\":\"n\",\"type\":\"long\",\"default\":0}]}");
    assertThat(id3).isGreaterThan(id2);
    assertThat(http.get("/subjects/d-value/versions").text()).isEqualTo("[2,3]");
  }

  @Test
  void latestAndMinusOneNameTheNewestLiveVersion() {
    register("l-value", V1);
    register("l-value", V2);

    assertThat(http.delete("/subjects/l-value/versions/latest").text()).isEqualTo("2");
    assertThat(http.delete("/subjects/l-value/versions/-1").text()).isEqualTo("1");
    // nothing live is left: the subject still exists (soft deleted) but has no latest version
    assertError(http.delete("/subjects/l-value/versions/latest"), 404, 40402);
    // latest is always a live version, which a permanent delete refuses
    register("m-value", V1);
    assertError(http.delete("/subjects/m-value/versions/latest?permanent=true"), 404, 40407);
  }

  @Test
  void deleteVersionErrors() {
    register("e-value", V1);
    assertError(http.delete("/subjects/nope/versions/1"), 404, 40401);
    assertError(http.delete("/subjects/nope/versions/1?permanent=true"), 404, 40401);
    assertError(http.delete("/subjects/e-value/versions/9"), 404, 40402);
    assertError(http.delete("/subjects/e-value/versions/zero"), 422, 42202);
    assertError(http.delete("/subjects/e-value/versions/0"), 422, 42202);
  }

  @Test
  void schemasListsVersionsWithFilters() {
    int key = register("papers-key", "\"string\"");
    int v1 = register("papers-value", V1);
    int v2 = register("papers-value", V2);
    int other = register("zeta-value", OTHER);
    http.delete("/subjects/papers-value/versions/2");

    Answer all = http.get("/schemas");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().size()).isEqualTo(3);
    assertThat(all.json().get(0).toString())
        .isEqualTo(
            "{\"subject\":\"papers-key\",\"version\":1,\"id\":"
                + key
                + ",\"schema\":\"\\\"string\\\"\"}");
    assertThat(ids(http.get("/schemas"))).isEqualTo("[" + key + "," + v1 + "," + other + "]");
    assertThat(ids(http.get("/schemas?deleted=true")))
        .isEqualTo("[" + key + "," + v1 + "," + v2 + "," + other + "]");
    assertThat(ids(http.get("/schemas?subjectPrefix=papers-v"))).isEqualTo("[" + v1 + "]");
    assertThat(ids(http.get("/schemas?subjectPrefix=papers-v&deleted=true&latestOnly=true")))
        .isEqualTo("[" + v2 + "]");
    assertThat(ids(http.get("/schemas?latestOnly=true")))
        .isEqualTo("[" + key + "," + v1 + "," + other + "]");
    assertThat(ids(http.get("/schemas?deleted=true&offset=1&limit=2")))
        .isEqualTo("[" + v1 + "," + v2 + "]");
    assertThat(ids(http.get("/schemas?offset=10"))).isEqualTo("[]");
    assertThat(http.get("/schemas?subjectPrefix=none").text()).isEqualTo("[]");
    assertError(http.get("/schemas?limit=many"), 400, 400);
  }

  private static String ids(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    StringBuilder ids = new StringBuilder("[");
    answer
        .json()
        .forEach(node -> ids.append(ids.length() > 1 ? "," : "").append(node.get("id").asInt()));
    return ids.append("]").toString();
  }
}
