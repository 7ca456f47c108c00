package io.paperpulse.registry.server;

import static io.paperpulse.registry.testing.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.testing.RawHttp;
import io.paperpulse.testsupport.TestCluster;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry on a real in-JVM Kafka broker: state survives a restart because it lives in the
 * topic. Here rather than beside the server, because the shared broker harness (test-support)
 * depends on the server module.
 */
class KafkaSchemaStoreTest {

  static TestCluster cluster;

  @BeforeAll
  static void startKafka() throws Exception {
    cluster = TestCluster.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    cluster.close();
  }

  private static SchemaRegistryServer serverOn(String topic) {
    return new SchemaRegistryServer(
            0, new KafkaSchemaStore(cluster.bootstrapServers(), Map.of(), topic))
        .start();
  }

  @Test
  void idsVersionsDeletesConfigModesAndReferencesSurviveARestart() throws Exception {
    String topic = "_schemas_restart";
    int v1;
    int v2;
    int dropped;
    int referencing;
    try (SchemaRegistryServer first = serverOn(topic)) {
      RawHttp api = new RawHttp(first.url());
      v1 =
          api.post("/subjects/papers-value/versions", schemaBody(RegistryServerTest.V1))
              .json()
              .get("id")
              .asInt();
      v2 =
          api.post("/subjects/papers-value/versions", schemaBody(RegistryServerTest.V2))
              .json()
              .get("id")
              .asInt();
      api.put("/config/papers-value", Map.of("compatibility", "FULL"));
      api.post("/subjects/papers-key/versions", schemaBody("\"string\""));
      api.delete("/subjects/papers-key");
      String other = "{\"type\":\"record\",\"name\":\"Gone\",\"fields\":[]}";
      dropped =
          api.post("/subjects/gone-value/versions", schemaBody(other)).json().get("id").asInt();
      api.delete("/subjects/gone-value");
      api.delete("/subjects/gone-value?permanent=true");
      api.post("/subjects/author/versions", schemaBody(SchemaReferencesTest.AUTHOR));
      referencing =
          api.post(
                  "/subjects/ref-value/versions",
                  SchemaReferencesTest.withReference(SchemaReferencesTest.PAPER, "author", 1))
              .json()
              .get("id")
              .asInt();
      assertThat(api.put("/mode/papers-value", Map.of("mode", "READONLY")).status()).isEqualTo(200);
    }

    try (SchemaRegistryServer second = serverOn(topic)) {
      RawHttp api = new RawHttp(second.url());
      assertThat(api.get("/subjects?subjectPrefix=papers").json().toString())
          .isEqualTo("[\"papers-value\"]");
      assertThat(api.get("/subjects?subjectPrefix=papers&deleted=true").json().toString())
          .isEqualTo("[\"papers-key\",\"papers-value\"]");
      assertThat(api.get("/mode/papers-value").json().get("mode").asText()).isEqualTo("READONLY");
      assertThat(
              api.post(
                      "/subjects/papers-value/versions", schemaBody(RegistryServerTest.V2_BREAKING))
                  .json()
                  .get("error_code")
                  .asInt())
          .isEqualTo(42205);
      assertThat(
              api.get("/schemas/ids/" + referencing)
                  .json()
                  .get("references")
                  .get(0)
                  .get("subject")
                  .asText())
          .isEqualTo("author");
      assertThat(api.get("/subjects/author/versions/1/referencedby").json().toString())
          .isEqualTo("[" + referencing + "]");
      assertThat(api.get("/subjects/papers-value/versions").json().toString()).isEqualTo("[1,2]");
      assertThat(api.get("/subjects/papers-value/versions/1").json().get("id").asInt())
          .isEqualTo(v1);
      assertThat(api.get("/subjects/papers-value/versions/latest").json().get("id").asInt())
          .isEqualTo(v2);
      assertThat(api.get("/config/papers-value").json().get("compatibilityLevel").asText())
          .isEqualTo("FULL");
      assertThat(api.get("/schemas/ids/" + dropped).status()).isEqualTo(404);
      // re-registering is idempotent, and a new schema never reuses the permanently deleted id
      assertThat(
              api.post("/subjects/papers-value/versions", schemaBody(RegistryServerTest.V1))
                  .json()
                  .get("id")
                  .asInt())
          .isEqualTo(v1);
      String fresh = "{\"type\":\"record\",\"name\":\"Fresh\",\"fields\":[]}";
      assertThat(
              api.post("/subjects/fresh-value/versions", schemaBody(fresh))
                  .json()
                  .get("id")
                  .asInt())
          .isGreaterThan(dropped);
    }
  }

  @Test
  void createsACompactedTopic() throws Exception {
    String topic = "_schemas_created";
    try (SchemaRegistryServer server = serverOn(topic)) {
      assertThat(server.port()).isPositive();
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config =
          admin
              .describeConfigs(java.util.List.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
      assertThat(
              admin
                  .describeTopics(java.util.List.of(topic))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(topic)
                  .partitions())
          .hasSize(1);
    }
  }
}
