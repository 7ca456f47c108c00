package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperpulse.streams.testing.HttpJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer before the application runs, and its handling of bad requests. */
class ApiServerWithoutApplicationTest {

  private static ApiServer server;
  private static String url;
  private final HttpJson http = new HttpJson();

  @BeforeAll
  static void start() {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ObjectMapper json = new ObjectMapper();
    ClusterQueries queries = new ClusterQueries(() -> null, new PeerClient(json), metrics);
    server =
        new ApiServer(() -> null, queries, metrics, json, Duration.ofMillis(100))
            .start("127.0.0.1", 0);
    url = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void queriesAnswer503WithRetryAfterUntilTheApplicationRuns() throws Exception {
    for (String path :
        new String[] {
          "/api/trending",
          "/api/trending?bucket=2024-01-08",
          "/api/tags/agents",
          "/api/papers/2401.00001"
        }) {
      HttpResponse<String> response = http.get(url + path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("2");
      assertThat(HttpJson.parse(response.body()).get("error").asText()).contains("starting");
    }
  }

  @Test
  void healthIsUpButNotReadyWhileStarting() throws Exception {
    HttpResponse<String> health = http.get(url + "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(HttpJson.parse(health.body()).get("state").asText()).isEqualTo("STARTING");
    HttpResponse<String> ready = http.get(url + "/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void badParametersAre400WithTheReason() throws Exception {
    HttpResponse<String> granularity = http.get(url + "/api/trending?granularity=fortnight");
    assertThat(granularity.statusCode()).isEqualTo(400);
    assertThat(HttpJson.parse(granularity.body()).get("error").asText()).contains("fortnight");
    assertThat(http.get(url + "/api/trending?bucket=yesterday").statusCode()).isEqualTo(400);
    assertThat(http.get(url + "/api/trending?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownPathsAre404AsJsonAndTheDashboardIsServed() throws Exception {
    HttpResponse<String> missing = http.get(url + "/api/nothing-here");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(HttpJson.parse(missing.body()).get("error").asText()).contains("/api/nothing-here");
    HttpResponse<String> page = http.get(url + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>paperpulse", "dashboard.js");
    assertThat(http.get(url + "/dashboard.js").body()).contains("EventSource");
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    HttpResponse<String> metrics = http.get(url + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
        .contains("version=0.0.4");
  }
}
