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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the latest ranking of each granularity to Server-Sent-Event clients whenever it changes.
 *
 * <p>It polls the cluster-wide latest ranking rather than hooking into the topology: the ranking
 * a client watches may be computed on another instance, and one poll per granularity with
 * listeners serves any number of clients. The poll interval bounds the delay a client sees on
 * top of the pipeline's own latency.
 */
public final class TrendingBroadcaster implements AutoCloseable {

  /** SSE event name carrying a {@link TrendingView}. */
  public static final String EVENT = "trending";

  private static final Logger log = LoggerFactory.getLogger(TrendingBroadcaster.class);
  private static final long HEARTBEAT_EVERY_POLLS = 40;

  private final ClusterQueries queries;
  private final ObjectMapper json;
  private final Duration interval;
  private final Map<Granularity, Set<SseClient>> clients = new EnumMap<>(Granularity.class);
  private final Map<Granularity, String> lastSent = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "paperpulse-trending-broadcaster");
    thread.setDaemon(true);
    return thread;
  });
  private long polls;

  public TrendingBroadcaster(ClusterQueries queries, ObjectMapper json, Duration interval) {
    this.queries = queries;
    this.json = json;
    this.interval = interval;
    for (Granularity granularity : Granularity.values()) {
      clients.put(granularity, ConcurrentHashMap.newKeySet());
    }
  }

  public TrendingBroadcaster start() {
    poller.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Keeps the client's connection open and sends it the current ranking, then every change. */
  public void subscribe(SseClient client, Granularity granularity) {
    client.keepAlive();
    client.onClose(() -> clients.get(granularity).remove(client));
    clients.get(granularity).add(client);
    // every send happens on the poller thread, so one client never sees interleaved writes
    poller.execute(() -> {
      String current = lastSent.get(granularity);
      if (current != null && !client.terminated()) {
        client.sendEvent(EVENT, current);
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
      log.warn("trending poll failed: {}", e.toString());
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
      if (queries.latest(entry.getKey(), false) instanceof Answer.Found<TrendingView> found) {
        String body = toJson(found.value());
        if (!body.equals(lastSent.put(entry.getKey(), body))) {
          listeners.forEach(client -> client.sendEvent(EVENT, body));
        }
      }
      if (heartbeat) {
        // lets proxies keep the connection and lets us notice clients that went away
        listeners.forEach(client -> client.sendComment("keep-alive"));
      }
    }
  }

  private String toJson(TrendingView view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write ranking as JSON", e);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    clients.values().forEach(set -> {
      set.forEach(SseClient::close);
      set.clear();
    });
  }
}
