package io.paperpulse.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The commands' client of a running streams (or demo) instance's HTTP API (docs/api.md): builds
 * request URIs from the base URL the user gave, reads JSON answers, and waits out the {@code 503
 * Retry-After} answers an instance gives while it rebalances, since those say "ask again shortly"
 * rather than "failed".
 */
public final class ApiClient {

  /** Used when a 503 carries no usable Retry-After; the API's own value is 2 s. */
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

  private final String baseUrl;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Duration unavailableFor;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param baseUrl the instance, e.g. {@code http://localhost:8080} (a trailing slash is allowed)
   * @param requestTimeout longest one request may take
   * @param unavailableFor how long {@link #get} keeps retrying 503 answers before giving up
   */
  public ApiClient(String baseUrl, Duration requestTimeout, Duration unavailableFor) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    this.unavailableFor = unavailableFor;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public ApiClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The shared HTTP client, for exchanges {@link #get} does not cover (the event stream). */
  public HttpClient http() {
    return http;
  }

  /**
   * {@code path} on the instance with the query parameters URL-encoded in order; null values are
   * left out.
   */
  public URI uri(String path, Map<String, String> query) {
    StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach(
        (name, value) -> {
          if (value != null) {
            parameters.add(encode(name) + "=" + encode(value));
          }
        });
    return URI.create(baseUrl + path + parameters);
  }

  /** What the instance answered to a GET: the JSON, or a 404 with its message. */
  public sealed interface Answer {
    record Found(JsonNode json) implements Answer {}

    /**
     * 404: nothing there. {@code unknownPath} when the instance does not serve the path at all (an
     * older version), rather than having nothing for the request.
     */
    record Missing(String message, boolean unknownPath) implements Answer {}
  }

  /**
   * The API server's message for a path it does not serve (docs/api.md: unknown paths answer 404).
   */
  private static final String UNKNOWN_PATH_MESSAGE = "no such resource";

  /**
   * GETs a JSON resource. Empty when the instance answers 404 (nothing there, docs/api.md); 503
   * answers are retried after their Retry-After for up to the client's {@code unavailableFor}.
   *
   * @throws ApiException when the instance cannot be reached, rejects the request, or stays
   *     unavailable
   */
  public Optional<JsonNode> get(String path, Map<String, String> query)
      throws ApiException, InterruptedException {
    return fetch(path, query) instanceof Answer.Found found
        ? Optional.of(found.json())
        : Optional.empty();
  }

  /** Like {@link #get}, telling apart why nothing was found. */
  public Answer fetch(String path, Map<String, String> query)
      throws ApiException, InterruptedException {
    URI uri = uri(path, query);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    long deadline = System.nanoTime() + unavailableFor.toNanos();
    while (true) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ApiException("cannot reach " + uri + " (" + describe(e) + ")", e);
      }
      int status = response.statusCode();
      if (status == 200) {
        try {
          return new Answer.Found(json.readTree(response.body()));
        } catch (JsonProcessingException e) {
          throw new ApiException(
              uri + " answered with unreadable JSON: " + e.getOriginalMessage(), e);
        }
      }
      if (status == 404) {
        String message = errorMessage(response);
        return new Answer.Missing(message, message.startsWith(UNKNOWN_PATH_MESSAGE));
      }
      if (status == 503) {
        Duration wait = retryAfter(response);
        if (System.nanoTime() + wait.toNanos() <= deadline) {
          Thread.sleep(wait.toMillis());
          continue;
        }
        throw new ApiException(
            uri
                + " stayed unavailable for "
                + unavailableFor.toSeconds()
                + " s: "
                + errorMessage(response));
      }
      throw new ApiException(uri + " answered " + status + ": " + errorMessage(response));
    }
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(ApiClient::seconds)
        .orElse(DEFAULT_RETRY_AFTER);
  }

  private static Optional<Duration> seconds(String text) {
    try {
      long seconds = Long.parseLong(text.trim());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      // an HTTP date is allowed too; the API never sends one, so the default is good enough
      return Optional.empty();
    }
  }

  /**
   * The API's error body is {@code {"status","error"}}; anything else is shown as it came,
   * shortened.
   */
  private String errorMessage(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    try {
      JsonNode error = json.readTree(body);
      for (String field : new String[] {"error", "message"}) {
        if (error != null && error.path(field).isTextual()) {
          return error.path(field).asText();
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON: fall through to the raw text
    }
    return body.isEmpty()
        ? "(no message)"
        : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
