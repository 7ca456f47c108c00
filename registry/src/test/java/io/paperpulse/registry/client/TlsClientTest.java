package io.paperpulse.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.paperpulse.registry.testing.SelfSignedCertificate;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https registries: the truststore from {@code schema.registry.ssl.truststore.*} decides whom the
 * client trusts.
 */
class TlsClientTest {

  private static final String PASSWORD = "changeit";

  @TempDir static Path dir;
  private HttpsServer https;

  @BeforeAll
  static void generateStores() throws Exception {
    SelfSignedCertificate.create(
        dir.resolve("server.p12"), dir.resolve("trust.p12"), "registry", PASSWORD);
  }

  @BeforeEach
  void startHttpsRegistry() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);

    https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    https.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"id\":5}".getBytes(StandardCharsets.UTF_8);
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    https.start();
  }

  @AfterEach
  void stop() {
    https.stop(0);
  }

  @Test
  void trustsTheConfiguredTruststoreOnly() {
    String url = "https://127.0.0.1:" + https.getAddress().getPort();
    Schema schema = Schema.create(Schema.Type.STRING);

    RestSchemaRegistryClient trusting =
        RestSchemaRegistryClient.fromConfig(
            Map.of(
                "schema.registry.url",
                url,
                "schema.registry.ssl.truststore.location",
                dir.resolve("trust.p12").toString(),
                "schema.registry.ssl.truststore.password",
                PASSWORD,
                "schema.registry.ssl.truststore.type",
                "PKCS12"));
    assertThat(trusting.register("k", schema)).isEqualTo(5);

    RestSchemaRegistryClient defaults =
        RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", url, "max.retries", 0));
    assertThatThrownBy(() -> defaults.register("k", schema))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("cannot reach schema registry");
  }

  @Test
  void wrongTruststorePasswordIsAClearConfigError() {
    assertThatThrownBy(
            () ->
                ClientSettings.fromConfig(
                    Map.of(
                        "schema.registry.url", "https://127.0.0.1:1",
                        "schema.registry.ssl.truststore.location",
                            dir.resolve("trust.p12").toString(),
                        "schema.registry.ssl.truststore.password", "wrong",
                        "schema.registry.ssl.truststore.type", "PKCS12")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot set up TLS");
  }
}
