package io.paperpulse.streams.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.paperpulse.streams.buckets.Granularity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the latest answer of each granularity (the latest ranking, the latest alerts) to
 * Server-Sent-Event clients whenever it changes.
 *
 * <p>It polls the cluster-wide answer rather than hooking into the topology: what a client watches
 * may be computed on another instance, and one poll per granularity with listeners serves any
 * number of clients. The poll interval bounds the delay a client sees on top of the pipeline's own
 * latency.
 */
public final class LatestBroadcaster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LatestBroadcaster.class);
  private static final long HEARTBEAT_EVERY_POLLS = 40;

  private final String event;
  private final Function<Granularity, Answer<?>> latest;
  private final ObjectMapper json;
  private final Duration interval;
  private final Map<Granularity, Set<SseClient>> clients = new EnumMap<>(Granularity.class);
  private final Map<Granularity, String> lastSent = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "paperpulse-sse-broadcaster");
            thread.setDaemon(true);
            return thread;
          });
  private long polls;

  /**
   * @param event SSE event name of each message
   * @param latest the answer to push for a granularity; only found answers are sent
   */
  public LatestBroadcaster(
      String event, Function<Granularity, Answer<?>> latest, ObjectMapper json, Duration interval) {
    this.event = event;
    this.latest = latest;
    this.json = json;
    this.interval = interval;
    for (Granularity granularity : Granularity.values()) {
      clients.put(granularity, ConcurrentHashMap.newKeySet());
    }
  }

  public LatestBroadcaster start() {
    poller.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Keeps the client's connection open and sends it the current answer, then every change. */
  public void subscribe(SseClient client, Granularity granularity) {
    client.keepAlive();
    client.onClose(() -> clients.get(granularity).remove(client));
    clients.get(granularity).add(client);
    // every send happens on the poller thread, so one client never sees interleaved writes
    poller.execute(
        () -> {
          String current = lastSent.get(granularity);
          if (current != null && !client.terminated()) {
            client.sendEvent(event, current);
          }
        });
  }

  /** Connected clients, over all granularities. */
  public int clientCount() {
    return clients.values().stream().mapToInt(Set::size).sum();
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // one failed poll must not end the schedule
      log.warn("{} poll failed: {}", event, e.toString());
    }
  }

  private void poll() {
    boolean heartbeat = ++polls % HEARTBEAT_EVERY_POLLS == 0;
    for (Map.Entry<Granularity, Set<SseClient>> entry : clients.entrySet()) {
      Set<SseClient> listeners = entry.getValue();
      listeners.removeIf(SseClient::terminated);
      if (listeners.isEmpty()) {
        // nobody listens: forget the last value so a new client gets a fresh one right away
        lastSent.remove(entry.getKey());
        continue;
      }
      if (latest.apply(entry.getKey()) instanceof Answer.Found<?> found) {
        String body = toJson(found.value());
        if (!body.equals(lastSent.put(entry.getKey(), body))) {
          listeners.forEach(client -> client.sendEvent(event, body));
        }
      }
      if (heartbeat) {
        // lets proxies keep the connection and lets us notice clients that went away
        listeners.forEach(client -> client.sendComment("keep-alive"));
      }
    }
  }

  private String toJson(Object view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event + " as JSON", e);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    clients
        .values()
        .forEach(
            set -> {
              set.forEach(SseClient::close);
              set.clear();
            });
  }
}
