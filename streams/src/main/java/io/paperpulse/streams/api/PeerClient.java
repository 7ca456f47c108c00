package io.paperpulse.streams.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks another instance of the application for the part of an answer its stores hold. Requests
 * carry {@link #FORWARDED_HEADER}, which tells the receiver to answer from its own stores only: a
 * forwarded request is never forwarded again, so instances with different views of the assignment
 * cannot bounce a request between them.
 */
public final class PeerClient {

  /**
   * Header marking a request forwarded by another instance; its value is the sender's host:port.
   */
  public static final String FORWARDED_HEADER = "X-PaperPulse-Forwarded-By";

  private static final Logger log = LoggerFactory.getLogger(PeerClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ObjectMapper json;

  /**
   * Built at the first request to a peer: building one sets up the JVM's TLS context, a few hundred
   * milliseconds of every start that a lone instance never needs.
   */
  private HttpClient http;

  public PeerClient(ObjectMapper json) {
    this.json = json;
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
    return http;
  }

  /**
   * GETs {@code pathAndQuery} (already URL-encoded) from {@code peer} on behalf of {@code self},
   * decoding a 200 body as {@code type}.
   */
  public <T> CompletableFuture<Answer<T>> get(
      HostInfo self, HostInfo peer, String pathAndQuery, Class<T> type) {
    String peerName = peer.host() + ":" + peer.port();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + peerName + pathAndQuery))
            .timeout(TIMEOUT)
            .header(FORWARDED_HEADER, self.host() + ":" + self.port())
            .header("Accept", "application/json")
            .GET()
            .build();
    return http()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> decode(peerName, response, type))
        .exceptionally(
            failure -> {
              log.warn(
                  "instance {} did not answer {}: {}", peerName, pathAndQuery, failure.toString());
              return new Answer.Unavailable<>("instance " + peerName + " is unreachable");
            });
  }

  private <T> Answer<T> decode(String peerName, HttpResponse<String> response, Class<T> type) {
    try {
      return switch (response.statusCode()) {
        case 200 -> new Answer.Found<>(json.readValue(response.body(), type), peerName);
        case 404 -> new Answer.Missing<>(errorMessage(response.body()));
        case 400 -> new Answer.Invalid<>(errorMessage(response.body()));
        default ->
            new Answer.Unavailable<>(
                "instance "
                    + peerName
                    + " answered "
                    + response.statusCode()
                    + ": "
                    + errorMessage(response.body()));
      };
    } catch (IOException e) {
      return new Answer.Unavailable<>(
          "instance " + peerName + " sent an unreadable answer: " + e.getMessage());
    }
  }

  private String errorMessage(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node.path("error").asText(body);
    } catch (JsonProcessingException e) {
      return body;
    }
  }
}
