package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP face of one instance: the JSON API over {@link ClusterQueries}, live rankings as
 * Server-Sent Events, health and readiness from the Kafka Streams state, Prometheus metrics and the
 * dashboard's static files. Routes and JSON shapes are documented in docs/api.md.
 */
public final class ApiServer implements AutoCloseable {

  /** Response header naming the instance whose stores answered ("local" or host:port). */
  public static final String SERVED_BY_HEADER = "X-PaperPulse-Served-By";

  /** Seconds a client should wait before asking again while the answer is unavailable. */
  static final int RETRY_AFTER_SECONDS = 2;

  static final int DEFAULT_LIMIT = 10;

  /** SSE event of {@code /api/trending/stream}: a {@link TrendingView}. */
  public static final String RANKING_EVENT = "trending";

  /** SSE event of {@code /api/alerts/stream}: an {@link AlertsView}. */
  public static final String ALERTS_EVENT = "alerts";

  /** A page of papers: the size of a Daily Papers listing. */
  static final int DEFAULT_PAPER_LIMIT = 20;

  private static final String ERROR_WRITTEN = "paperpulse.error-written";

  private static final String DASHBOARD = "/io/paperpulse/streams/dashboard";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Set<KafkaStreams.State> DEAD =
      Set.of(
          KafkaStreams.State.ERROR,
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.NOT_RUNNING,
          KafkaStreams.State.PENDING_SHUTDOWN);

  /** JSON of /health. */
  public record Health(String status, String state) {}

  /** JSON of /ready. */
  public record Readiness(boolean ready, String state) {}

  /** JSON of every error answer. */
  public record Failure(int status, String error) {}

  private final Supplier<PaperPulseStreamsApp> app;
  private final ClusterQueries queries;
  private final LatestBroadcaster rankings;
  private final LatestBroadcaster alerts;
  private final PrometheusMeterRegistry metrics;
  private final Javalin javalin;

  public ApiServer(
      Supplier<PaperPulseStreamsApp> app,
      ClusterQueries queries,
      PrometheusMeterRegistry metrics,
      ObjectMapper json,
      Duration ssePollInterval) {
    this.app = app;
    this.queries = queries;
    this.metrics = metrics;
    this.rankings =
        new LatestBroadcaster(
            RANKING_EVENT,
            granularity -> queries.latest(granularity, false),
            json,
            ssePollInterval);
    this.alerts =
        new LatestBroadcaster(
            ALERTS_EVENT,
            granularity -> queries.alerts(granularity, null, DEFAULT_PAPER_LIMIT, false),
            json,
            ssePollInterval);
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = DASHBOARD;
                    files.location = Location.CLASSPATH;
                    // the dashboard changes with the jar; never let a browser keep an old copy
                    // around
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
            });
    javalin.get("/api/trending", this::trending);
    javalin.get("/api/tags/{tag}", this::tagHistory);
    javalin.get("/api/papers", this::topPapers);
    javalin.get("/api/alerts", this::alerts);
    javalin.get("/api/papers/{id}", this::paper);
    javalin.sse(
        "/api/trending/stream",
        client -> rankings.subscribe(client, granularityOr(client.ctx(), Granularity.WEEK)));
    javalin.sse(
        "/api/alerts/stream",
        client -> alerts.subscribe(client, granularityOr(client.ctx(), Granularity.WEEK)));
    javalin.get("/health", this::health);
    javalin.get("/ready", this::ready);
    javalin.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    javalin.exception(
        IllegalArgumentException.class,
        (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    // Javalin's own 404 is plain text; ours (a missing paper...) are already JSON and stay as they
    // are
    javalin.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            error(ctx, HttpStatus.NOT_FOUND, "no such resource: " + ctx.path());
          }
        });
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts serving. */
  public ApiServer start(String host, int port) {
    javalin.start(host, port);
    rankings.start();
    alerts.start();
    return this;
  }

  /** The bound port. */
  public int port() {
    return javalin.port();
  }

  private void trending(Context ctx) {
    Granularity granularity = granularityOr(ctx, Granularity.WEEK);
    // a forwarding instance applies its client's limit itself, so it needs the whole ranking
    int limit = isForwarded(ctx) ? Integer.MAX_VALUE : limit(ctx);
    String bucket = ctx.queryParam("bucket");
    Answer<TrendingView> answer =
        bucket == null || bucket.isBlank()
            ? queries.latest(granularity, isForwarded(ctx))
            : queries.trending(granularity, date(bucket), isForwarded(ctx));
    respond(
        ctx,
        answer instanceof Answer.Found<TrendingView> found
            ? new Answer.Found<>(found.value().limit(limit), found.servedBy())
            : answer);
  }

  private void tagHistory(Context ctx) {
    respond(
        ctx,
        queries.tagHistory(
            ctx.pathParam("tag"), granularityOr(ctx, Granularity.MONTH), isForwarded(ctx)));
  }

  private void topPapers(Context ctx) {
    String bucket = ctx.queryParam("bucket");
    String tag = ctx.queryParam("tag");
    respond(
        ctx,
        queries.topPapers(
            granularityOr(ctx, Granularity.WEEK),
            bucket == null || bucket.isBlank() ? null : date(bucket),
            tag == null || tag.isBlank() ? null : tag.trim(),
            limit(ctx, DEFAULT_PAPER_LIMIT),
            isForwarded(ctx)));
  }

  private void alerts(Context ctx) {
    String bucket = ctx.queryParam("bucket");
    respond(
        ctx,
        queries.alerts(
            granularityOr(ctx, Granularity.WEEK),
            bucket == null || bucket.isBlank() ? null : date(bucket),
            limit(ctx, DEFAULT_PAPER_LIMIT),
            isForwarded(ctx)));
  }

  private void paper(Context ctx) {
    respond(ctx, queries.paper(ctx.pathParam("id"), isForwarded(ctx)));
  }

  private void health(Context ctx) {
    PaperPulseStreamsApp started = app.get();
    String state = started == null ? "STARTING" : started.state().name();
    boolean up = started == null || !DEAD.contains(started.state());
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(new Health(up ? "UP" : "DOWN", state));
  }

  private void ready(Context ctx) {
    PaperPulseStreamsApp started = app.get();
    String state = started == null ? "STARTING" : started.state().name();
    boolean ready = started != null && started.state() == KafkaStreams.State.RUNNING;
    if (!ready) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(new Readiness(ready, state));
  }

  private static <T> void respond(Context ctx, Answer<T> answer) {
    if (answer instanceof Answer.Found<T> found) {
      ctx.header(SERVED_BY_HEADER, found.servedBy()).json(found.value());
    } else if (answer instanceof Answer.Missing<T> missing) {
      error(ctx, HttpStatus.NOT_FOUND, missing.message());
    } else if (answer instanceof Answer.Invalid<T> invalid) {
      error(ctx, HttpStatus.BAD_REQUEST, invalid.message());
    } else if (answer instanceof Answer.Unavailable<T> unavailable) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, unavailable.reason());
    }
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ctx.status(status).json(new Failure(status.getCode(), message));
  }

  private static boolean isForwarded(Context ctx) {
    return ctx.header(PeerClient.FORWARDED_HEADER) != null;
  }

  private static Granularity granularityOr(Context ctx, Granularity fallback) {
    String text = ctx.queryParam("granularity");
    return text == null || text.isBlank() ? fallback : Granularity.fromLabel(text);
  }

  private static int limit(Context ctx) {
    return limit(ctx, DEFAULT_LIMIT);
  }

  private static int limit(Context ctx, int fallback) {
    String text = ctx.queryParam("limit");
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a number, got '" + text + "'");
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bucket must be a date like 2024-01-08, got '" + text + "'");
    }
  }

  @Override
  public void close() {
    rankings.close();
    alerts.close();
    javalin.stop();
  }
}
