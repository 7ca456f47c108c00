package io.paperpulse.streams.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for API tests: GETs, and waits out 503 answers (rebalancing) for up to a
 * minute.
 */
public final class HttpJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GETs until the answer is not 503, which must carry Retry-After while it lasts. */
  public HttpResponse<String> getSettled(String url) {
    return await(url + " settled")
        .atMost(PATIENCE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .pollInSameThread()
        .until(
            () -> {
              HttpResponse<String> response = get(url);
              if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After"))
                    .as("Retry-After on 503 from %s: %s", url, response.body())
                    .isPresent();
              }
              return response;
            },
            response -> response.statusCode() != 503);
  }

  /** The settled 200 answer's JSON. */
  public JsonNode getOk(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = getSettled(url);
    assertThat(response.statusCode()).as("status of %s: %s", url, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  public static JsonNode parse(String body) throws IOException {
    return JSON.readTree(body);
  }
}
