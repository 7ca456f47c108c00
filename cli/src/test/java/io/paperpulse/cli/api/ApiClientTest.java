package io.paperpulse.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands' API client against an HTTP server answering as the streams API does. */
class ApiClientTest {

  private HttpServer server;
  private final AtomicInteger unavailableLeft = new AtomicInteger();
  private final List<String> queries = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/trending",
        exchange -> {
          queries.add(exchange.getRequestURI().getRawQuery());
          if (unavailableLeft.getAndDecrement() > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(
                exchange,
                503,
                "{\"status\":503,\"error\":\"the application is REBALANCING, not RUNNING\"}");
          } else {
            answer(exchange, 200, "{\"granularity\":\"week\",\"tags\":[]}");
          }
        });
    server.createContext(
        "/api/tags",
        exchange -> answer(exchange, 404, "{\"status\":404,\"error\":\"no counts for that tag\"}"));
    server.createContext(
        "/api/bad",
        exchange ->
            answer(
                exchange, 400, "{\"status\":400,\"error\":\"limit must be at least 1, got 0\"}"));
    server.createContext(
        "/",
        exchange ->
            answer(
                exchange,
                404,
                "{\"status\":404,\"error\":\"no such resource: "
                    + exchange.getRequestURI().getPath()
                    + "\"}"));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void rebalancingAnswersAreWaitedOutAsRetryAfterSays() throws Exception {
    unavailableLeft.set(2);
    ApiClient client = new ApiClient(base() + "/", Duration.ofSeconds(5), Duration.ofSeconds(10));
    long start = System.nanoTime();

    assertThat(client.get("/api/trending", Map.of("granularity", "week")))
        .hasValueSatisfying(json -> assertThat(json.get("granularity").asText()).isEqualTo("week"));

    assertThat(queries).hasSize(3);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void anInstanceUnavailableForLongerThanAllowedIsAnError() {
    unavailableLeft.set(100);
    ApiClient client = new ApiClient(base(), Duration.ofSeconds(5), Duration.ofMillis(1500));

    assertThatThrownBy(() -> client.get("/api/trending", Map.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("stayed unavailable")
        .hasMessageContaining("REBALANCING");
    assertThat(queries).hasSize(2);
  }

  @Test
  void notFoundTellsNothingThereFromAPathTheInstanceDoesNotServe() throws Exception {
    ApiClient client = new ApiClient(base());

    assertThat(client.fetch("/api/tags/x", Map.of()))
        .isEqualTo(new ApiClient.Answer.Missing("no counts for that tag", false));
    assertThat(client.fetch("/api/alerts", Map.of()))
        .isEqualTo(new ApiClient.Answer.Missing("no such resource: /api/alerts", true));
    assertThat(client.get("/api/tags/x", Map.of())).isEmpty();
  }

  @Test
  void aRejectedRequestCarriesTheServersMessage() {
    ApiClient client = new ApiClient(base());

    assertThatThrownBy(() -> client.get("/api/bad", Map.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("answered 400: limit must be at least 1, got 0");
  }

  @Test
  void queryValuesAreEncodedAndNullOnesLeftOut() throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("tag", "c++ & diffusion models");
    query.put("bucket", null);
    query.put("limit", "5");

    new ApiClient(base()).get("/api/trending", query);

    assertThat(queries).containsExactly("tag=c%2B%2B%20%26%20diffusion%20models&limit=5");
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
