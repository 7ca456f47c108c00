package io.paperpulse.registry.server;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Confluent-compatible Schema Registry over HTTP. Closing the server also closes its
 * store.
 *
 * <pre>{@code
 * try (var server = SchemaRegistryServer.builder().store(new InMemorySchemaStore()).build().start()) {
 *     String url = server.url();
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

  private final String host;
  private final int requestedPort;
  private final SchemaStore store;
  private final byte[] expectedAuthorization;
  private Javalin app;

  private SchemaRegistryServer(Builder builder) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.store = Objects.requireNonNull(builder.store, "a SchemaStore is required");
    this.expectedAuthorization =
        builder.user == null
            ? null
            : ("Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (builder.user + ":" + builder.password)
                                .getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
  }

  /** A server without authentication on 127.0.0.1; port 0 picks a free port. */
  public SchemaRegistryServer(int port, SchemaStore store) {
    this(builder().port(port).store(store));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Loads the store and starts serving; returns this for chaining. */
  public synchronized SchemaRegistryServer start() {
    if (app != null) {
      throw new IllegalStateException("schema registry server already started");
    }
    SchemaRegistry registry = new SchemaRegistry(store);
    Javalin created =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.router.ignoreTrailingSlashes = true;
              config.http.prefer405over404 = false;
            });
    if (expectedAuthorization != null) {
      created.before(
          ctx -> {
            String given = ctx.header("Authorization");
            if (given == null
                || !MessageDigest.isEqual(
                    expectedAuthorization, given.getBytes(StandardCharsets.UTF_8))) {
              throw RegistryError.unauthorized();
            }
          });
    }
    new RegistryHttpApi(registry).install(created);
    created.start(host, requestedPort);
    app = created;
    log.info("schema registry listening on {}", url());
    return this;
  }

  /** The bound port (the chosen one when started with port 0). */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("schema registry server not started");
    }
    return app.port();
  }

  /** Base URL for clients, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return "http://" + reachable + ":" + port();
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
    store.close();
  }

  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private SchemaStore store;
    private String user;
    private String password;

    private Builder() {}

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Address to bind; 127.0.0.1 by default, 0.0.0.0 to accept remote clients. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    public Builder store(SchemaStore store) {
      this.store = store;
      return this;
    }

    /** Requires HTTP basic authentication with these credentials on every request. */
    public Builder basicAuth(String user, String password) {
      if (user == null || user.isEmpty() || user.contains(":") || password == null) {
        throw new IllegalArgumentException(
            "basic auth needs a non-empty user without ':' and a password");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    public SchemaRegistryServer build() {
      return new SchemaRegistryServer(this);
    }
  }
}
