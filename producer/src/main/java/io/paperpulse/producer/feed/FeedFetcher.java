package io.paperpulse.producer.feed;

import io.paperpulse.producer.job.StopRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads a feed over HTTP, retrying failures (network errors, non-2xx answers) with backoff. */
final class FeedFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(FeedFetcher.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** How often a pending request looks for a stop request: well inside the 2 s a stop may take. */
  private static final long STOP_CHECK_MILLIS = 100;

  /** All attempts of one round failed; {@link #getMessage()} says how the last one did. */
  static final class FeedUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    FeedUnavailableException(String message) {
      super(message);
    }
  }

  private final HttpClient http;
  private final RetryBackoff backoff;

  FeedFetcher(HttpClient http, RetryBackoff backoff) {
    this.http = http;
    this.backoff = backoff;
  }

  String fetch(URI url) throws FeedUnavailableException, InterruptedException {
    return fetch(url, StopRequest.NEVER);
  }

  /**
   * The feed's body, or null when {@code stop} was requested meanwhile: the request in flight or
   * the wait before the next attempt is abandoned, which loses nothing since no transaction is open
   * while fetching.
   */
  String fetch(URI url, StopRequest stop) throws FeedUnavailableException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/atom+xml;q=0.9, */*;q=0.1")
            .GET()
            .build();
    String lastProblem = "";
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      if (attempt > 1) {
        Duration delay = backoff.delayBefore(attempt);
        LOG.warn(
            "fetching {} failed ({}); attempt {}/{} in {} ms",
            url,
            lastProblem,
            attempt,
            backoff.attempts(),
            delay.toMillis());
        if (stop.await(delay)) {
          return null;
        }
      }
      if (stop.isRequested()) {
        return null;
      }
      try {
        HttpResponse<String> response = send(request, stop);
        if (response == null) {
          return null;
        }
        if (response.statusCode() / 100 == 2) {
          return response.body();
        }
        lastProblem = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastProblem =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    throw new FeedUnavailableException(
        "fetching " + url + " failed " + backoff.attempts() + " times, last: " + lastProblem);
  }

  /** The response, or null (the request cancelled) once a stop is requested. */
  private HttpResponse<String> send(HttpRequest request, StopRequest stop)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      while (true) {
        try {
          return pending.get(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          if (stop.isRequested()) {
            pending.cancel(true);
            return null;
          }
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    }
  }
}
