package io.paperpulse.registry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP calls to a registry, so tests see exactly what goes over the wire. */
public final class RawHttp {

  public static final String CONFLUENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, String> extraHeaders;

  public RawHttp(String baseUrl) {
    this(baseUrl, Map.of());
  }

  public RawHttp(String baseUrl, Map<String, String> extraHeaders) {
    this.baseUrl = baseUrl;
    this.extraHeaders = extraHeaders;
  }

  public record Answer(int status, String contentType, String text) {
    public JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, CONFLUENT_TYPE);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, CONFLUENT_TYPE);
  }

  public Answer post(String path, Object body) {
    return send("POST", path, body, CONFLUENT_TYPE);
  }

  public Answer put(String path, Object body) {
    return send("PUT", path, body, CONFLUENT_TYPE);
  }

  /** A register/lookup/compatibility body the way Confluent's client sends it. */
  public static Map<String, Object> schemaBody(String schema) {
    return Map.of("schemaType", "AVRO", "schema", schema);
  }

  public Answer send(String method, String path, Object body, String contentType) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      extraHeaders.forEach(request::header);
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
