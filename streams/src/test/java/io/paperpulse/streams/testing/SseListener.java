package io.paperpulse.streams.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent-Events client for tests: collects (event, data) pairs as they arrive. */
public final class SseListener implements AutoCloseable {

  /** One received event. */
  public record Event(String name, String data, long receivedNanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;

  public SseListener(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build();
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(this::consume);
  }

  private void consume(HttpResponse<Stream<String>> answer) {
    status = answer.statusCode();
    String[] name = {"message"};
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = answer.body()) {
      lines.forEach(
          line -> {
            if (line.isEmpty()) {
              if (data.length() > 0) {
                events.add(new Event(name[0], data.toString(), System.nanoTime()));
              }
              name[0] = "message";
              data.setLength(0);
            } else if (line.startsWith("event:")) {
              name[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
              if (data.length() > 0) {
                data.append('\n');
              }
              data.append(line.substring(5).stripLeading());
            }
          });
    } catch (RuntimeException closed) {
      // the test closed the connection
    }
  }

  /** Waits for the next event matching {@code wanted}, skipping others; null on timeout. */
  public Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Event event = events.poll(left, TimeUnit.NANOSECONDS);
      if (event != null && wanted.test(event)) {
        return event;
      }
    }
  }

  public int status() {
    return status;
  }

  @Override
  public void close() {
    response.cancel(true);
    response.thenAccept(answer -> answer.body().close());
  }
}
