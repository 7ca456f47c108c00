package io.paperpulse.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  static final Schema PAPER =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Paper\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
  static final Schema PAPER_V2 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Paper\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                  + "{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}");
  static final Schema PAPER_BREAKING =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Paper\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");

  /**
   * Answers {@code failures} times with the given status, then with {@code {"id": 17}}; records
   * requests.
   */
  static final class FlakyRegistry implements AutoCloseable {
    final HttpServer http;
    final AtomicInteger requests = new AtomicInteger();
    final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

    FlakyRegistry(int failures, int failureStatus, String failureBody) throws IOException {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext(
          "/",
          exchange -> {
            int n = requests.incrementAndGet();
            headers.add(
                Map.of(
                    "method", exchange.getRequestMethod(),
                    "content-type",
                        String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "authorization",
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            exchange.getRequestBody().readAllBytes();
            if (n <= failures) {
              answer(exchange, failureStatus, failureBody);
            } else {
              answer(exchange, 200, "{\"id\":17,\"schema\":\"\\\"string\\\"\"}");
            }
          });
      http.start();
    }

    String url() {
      return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  private SchemaRegistryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, Object> fastRetries(String urls) {
    return Map.of(
        "schema.registry.url",
        urls,
        "max.retries",
        3,
        "retries.wait.ms",
        10,
        "retries.max.wait.ms",
        40);
  }

  @Test
  void retriesServerErrorsThenSucceeds() throws IOException {
    try (FlakyRegistry flaky =
        new FlakyRegistry(2, 500, "{\"error_code\":50001,\"message\":\"store down\"}")) {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(fastRetries(flaky.url()));
      assertThat(client.register("papers-value", PAPER)).isEqualTo(17);
      assertThat(flaky.requests.get()).isEqualTo(3);
      // the id is cached: neither register nor getById goes back to the registry
      assertThat(client.register("papers-value", PAPER)).isEqualTo(17);
      assertThat(client.getById(17)).isEqualTo(PAPER);
      assertThat(flaky.requests.get()).isEqualTo(3);
    }
  }

  @Test
  void givesUpAfterBoundedRetriesKeepingTheLastError() throws IOException {
    try (FlakyRegistry flaky =
        new FlakyRegistry(100, 503, "{\"error_code\":50003,\"message\":\"overloaded\"}")) {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(fastRetries(flaky.url()));
      assertThatThrownBy(() -> client.getById(1))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(503);
                assertThat(e.errorCode()).isEqualTo(50003);
                assertThat(e.getMessage()).contains("overloaded");
              });
      assertThat(flaky.requests.get()).isEqualTo(4);
    }
  }

  @Test
  void clientErrorsAreFinalAndCarryConfluentErrorCode() throws IOException {
    try (FlakyRegistry flaky =
        new FlakyRegistry(100, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}")) {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(fastRetries(flaky.url()));
      assertThatThrownBy(() -> client.getById(5))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo(40403);
                assertThat(e.isNotFound()).isTrue();
                assertThat(e.getMessage())
                    .contains("GET /schemas/ids/5", "40403", "Schema not found");
              });
      assertThat(flaky.requests.get()).isEqualTo(1);
    }
  }

  @Test
  void connectionRefusedMovesOnToTheNextUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (FlakyRegistry good = new FlakyRegistry(0, 500, "")) {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(
              fastRetries("http://127.0.0.1:" + closedPort + ", " + good.url()));
      assertThat(client.register("k", PAPER)).isEqualTo(17);
      assertThat(good.requests.get()).isEqualTo(1);
    }
    RestSchemaRegistryClient nobody =
        RestSchemaRegistryClient.fromConfig(fastRetries("http://127.0.0.1:" + closedPort));
    assertThatThrownBy(() -> nobody.getById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.getMessage()).contains("cannot reach schema registry");
            });
  }

  @Test
  void sendsConfluentContentTypeAndBasicAuthOnEveryRequest() throws IOException {
    try (FlakyRegistry flaky = new FlakyRegistry(0, 500, "")) {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(
              Map.of(
                  "schema.registry.url",
                  flaky.url(),
                  "basic.auth.credentials.source",
                  "USER_INFO",
                  "basic.auth.user.info",
                  new Password("reg:s3cret")));
      client.register("s", PAPER);
      client.getById(99);
      assertThat(flaky.headers)
          .hasSize(2)
          .allSatisfy(
              h -> {
                assertThat(h.get("content-type"))
                    .isEqualTo("application/vnd.schemaregistry.v1+json");
                assertThat(h.get("authorization")).isEqualTo("Basic cmVnOnMzY3JldA==");
              });
      assertThat(flaky.headers.get(1).get("method")).isEqualTo("GET");
    }
  }

  @Test
  void credentialsMayComeFromTheUrl() {
    ClientSettings settings =
        ClientSettings.fromConfig(Map.of("schema.registry.url", "http://reg:pw@localhost:8081/"));
    assertThat(settings.urls())
        .extracting(Object::toString)
        .containsExactly("http://localhost:8081");
    assertThat(settings.authorizationHeader()).contains("Basic cmVnOnB3");
    assertThatThrownBy(
            () -> ClientSettings.fromConfig(Map.of("schema.registry.url", "localhost:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)://host");
    assertThatThrownBy(() -> ClientSettings.fromConfig(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void worksAgainstTheEmbeddedRegistry() {
    server = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(server.url());

    int id = client.register("with space-value", PAPER);
    assertThat(client.getById(id)).isEqualTo(PAPER);
    assertThat(client.lookup("with space-value", PAPER))
        .isEqualTo(new RegisteredSchema("with space-value", 1, id, PAPER));
    assertThat(client.subjects()).containsExactly("with space-value");
    assertThat(client.isCompatible("with space-value", PAPER_V2)).isTrue();
    assertThat(client.isCompatible("with space-value", PAPER_BREAKING)).isFalse();
    int v2 = client.register("with space-value", PAPER_V2);
    assertThat(client.versions("with space-value")).containsExactly(1, 2);
    assertThat(client.latestVersion("with space-value").id()).isEqualTo(v2);
    assertThat(client.version("with space-value", 1).schema()).isEqualTo(PAPER);

    assertThat(client.getCompatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(client.getCompatibility("with space-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    client.setCompatibility("with space-value", CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(client.getCompatibility("with space-value"))
        .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    assertThatThrownBy(() -> client.register("with space-value", PAPER_BREAKING))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            });
    assertThatThrownBy(() -> client.lookup("missing", PAPER))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
  }

  @Test
  void authenticatesAgainstASecuredRegistry() {
    server =
        SchemaRegistryServer.builder()
            .store(new InMemorySchemaStore())
            .basicAuth("reg", "pw")
            .build()
            .start();
    RestSchemaRegistryClient anonymous = new RestSchemaRegistryClient(server.url());
    assertThatThrownBy(anonymous::subjects)
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    RestSchemaRegistryClient authenticated =
        RestSchemaRegistryClient.fromConfig(
            Map.of("schema.registry.url", server.url(), "basic.auth.user.info", "reg:pw"));
    assertThat(authenticated.register("s-value", PAPER)).isPositive();
  }
}
