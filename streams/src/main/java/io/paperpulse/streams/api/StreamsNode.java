package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.metrics.StateStoreTagKeys;
import io.paperpulse.tagging.Tagger;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the streams application together with its HTTP server and metrics, what the
 * {@code streams} and {@code demo} commands run.
 *
 * <p>The HTTP server is bound before Kafka Streams starts: with port 0 only the bound port tells
 * what to advertise as {@code application.server}, and the API can already answer /health (and 503
 * elsewhere) while Kafka Streams starts.
 */
public final class StreamsNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsNode.class);

  /**
   * Where the HTTP server listens and how other instances reach it.
   *
   * @param bindHost interface to listen on ("0.0.0.0" for all)
   * @param port port to listen on, 0 for any free port
   * @param advertisedHost host name other instances and the printed URL use
   * @param ssePollInterval how often the live ranking is checked for changes
   */
  public record HttpSettings(
      String bindHost, int port, String advertisedHost, Duration ssePollInterval) {

    public static final int DEFAULT_PORT = 8080;

    public HttpSettings {
      Objects.requireNonNull(bindHost, "bindHost");
      Objects.requireNonNull(advertisedHost, "advertisedHost");
      Objects.requireNonNull(ssePollInterval, "ssePollInterval");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
    }

    /** All interfaces, advertised as localhost: several instances on one machine. */
    public static HttpSettings onPort(int port) {
      return of(port, "localhost");
    }

    /** All interfaces, advertised under the host name other instances reach this one by. */
    public static HttpSettings of(int port, String advertisedHost) {
      return new HttpSettings("0.0.0.0", port, advertisedHost, Duration.ofMillis(250));
    }
  }

  private final PrometheusMeterRegistry metrics;
  private final ApiServer server;
  private final PaperPulseStreamsApp app;
  private final String url;

  private StreamsNode(
      PrometheusMeterRegistry metrics, ApiServer server, PaperPulseStreamsApp app, String url) {
    this.metrics = metrics;
    this.server = server;
    this.app = app;
    this.url = url;
  }

  /**
   * Starts the HTTP server and, meanwhile, prepares the application (topics, registry, topology);
   * then starts the application advertising the server's address. Returns once both started.
   */
  public static StreamsNode start(PaperPulseStreamsConfig config, Tagger tagger, HttpSettings http)
      throws InterruptedException {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.config().meterFilter(new StateStoreTagKeys());
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    ObjectMapper json = new ObjectMapper();
    AtomicReference<PaperPulseStreamsApp> appRef = new AtomicReference<>();
    ClusterQueries queries = new ClusterQueries(appRef::get, new PeerClient(json), metrics);
    PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger, metrics);
    // Two independent parts of the start, each most of a second of class loading: the server's on
    // a thread of its own, the application's preparation on this one.
    FutureTask<ApiServer> serverStart =
        new FutureTask<>(
            () ->
                new ApiServer(appRef::get, queries, metrics, json, http.ssePollInterval())
                    .start(http.bindHost(), http.port()));
    new Thread(serverStart, "paperpulse-http-start").start();
    ApiServer server = null;
    try {
      try {
        app.prepare();
      } catch (RuntimeException | InterruptedException e) {
        // a server left starting would keep its port
        try {
          awaitStart(serverStart).close();
        } catch (RuntimeException serverFailure) {
          e.addSuppressed(serverFailure);
        }
        throw e;
      }
      server = awaitStart(serverStart);
      // with port 0 the advertised address is known only now that the server is bound
      HostInfo advertised = new HostInfo(http.advertisedHost(), server.port());
      app.start(advertised.host() + ":" + advertised.port());
      appRef.set(app);
      String url = "http://" + advertised.host() + ":" + advertised.port();
      log.info("serving the API and dashboard on {}", url);
      return new StreamsNode(metrics, server, app, url);
    } catch (RuntimeException | InterruptedException e) {
      if (server != null) {
        server.close();
      }
      app.close();
      metrics.close();
      throw e;
    }
  }

  /** The started server, or its start's failure; waits through interrupts (a start is short). */
  private static ApiServer awaitStart(FutureTask<ApiServer> serverStart) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return serverStart.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException failure
              ? failure
              : new IllegalStateException("cannot start the HTTP server", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Base URL of the API and dashboard, e.g. {@code http://localhost:8080}. */
  public String url() {
    return url;
  }

  public int port() {
    return server.port();
  }

  public PaperPulseStreamsApp app() {
    return app;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /** Stops serving, then stops the application and releases its meters. */
  @Override
  public void close() {
    server.close();
    app.close();
    metrics.close();
  }
}
