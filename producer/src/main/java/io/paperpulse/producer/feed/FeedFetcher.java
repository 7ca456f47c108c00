package io.paperpulse.producer.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads a feed over HTTP, retrying failures (network errors, non-2xx answers) with backoff. */
final class FeedFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFetcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

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
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/atom+xml;q=0.9, */*;q=0.1")
                .GET()
                .build();
        String lastProblem = "";
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            if (attempt > 1) {
                Duration delay = backoff.delayBefore(attempt);
                LOG.warn("fetching {} failed ({}); attempt {}/{} in {} ms", url, lastProblem, attempt,
                        backoff.attempts(), delay.toMillis());
                Thread.sleep(delay.toMillis());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return response.body();
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new FeedUnavailableException("fetching " + url + " failed " + backoff.attempts() + " times, last: " + lastProblem);
    }
}
