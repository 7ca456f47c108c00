package io.paperpulse.local;

import io.paperpulse.registry.server.KafkaSchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup environment: an embedded Kafka broker plus the embedded Schema Registry, started
 * and stopped together. The registry keeps its schemas in the broker's {@code _schemas} topic, so
 * one data directory holds everything and schema ids stay valid for the records that use them
 * across restarts.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.builder(Path.of("data/local-cluster")).build().start()) {
 *     String bootstrap = cluster.bootstrapServers();
 *     String registry = cluster.schemaRegistryUrl();
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {

  /**
   * Where the CLI keeps the local cluster unless told otherwise (relative to the working
   * directory).
   */
  public static final String DEFAULT_DATA_DIR = "data/local-cluster";

  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

  private final Path dataDir;
  private final EmbeddedKafkaBroker broker;
  private final int registryPort;
  private final String registryUser;
  private final String registryPassword;
  private SchemaRegistryServer registry;

  private LocalCluster(Builder builder) {
    this.dataDir = builder.dataDir.toAbsolutePath();
    this.broker =
        EmbeddedKafkaBroker.builder(dataDir.resolve("kafka"))
            .port(builder.kafkaPort)
            .brokerProperties(builder.brokerProperties)
            .build();
    this.registryPort = builder.registryPort;
    this.registryUser = builder.registryUser;
    this.registryPassword = builder.registryPassword;
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Starts the broker, then the registry on top of it; returns once both serve requests. */
  public synchronized LocalCluster start() {
    if (registry != null) {
      throw new IllegalStateException("local cluster already started");
    }
    broker.start();
    try {
      KafkaSchemaStore store = new KafkaSchemaStore(broker.bootstrapServers(), Map.of());
      SchemaRegistryServer.Builder server =
          SchemaRegistryServer.builder().port(registryPort).store(store);
      if (registryUser != null) {
        server.basicAuth(registryUser, registryPassword);
      }
      registry = server.build().start();
    } catch (RuntimeException e) {
      broker.stop();
      throw e;
    }
    LOG.info(
        "Local cluster ready: Kafka {}, Schema Registry {}",
        bootstrapServers(),
        schemaRegistryUrl());
    return this;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    if (registry == null) {
      throw new IllegalStateException("local cluster not started");
    }
    return registry.url();
  }

  /** Settings a Kafka client needs to reach the broker. */
  public Map<String, Object> clientProperties() {
    return broker.clientProperties();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the registry first (it writes to the broker), then the broker. */
  @Override
  public synchronized void close() {
    try {
      if (registry != null) {
        registry.close();
      }
    } finally {
      registry = null;
      broker.stop();
    }
  }

  /** Configures a {@link LocalCluster}; ports default to 0 (any free port). */
  public static final class Builder {
    private final Path dataDir;
    private int kafkaPort;
    private int registryPort;
    private String registryUser;
    private String registryPassword;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    public Builder registryPort(int port) {
      this.registryPort = port;
      return this;
    }

    /**
     * Makes the registry require HTTP basic authentication with these credentials; clients then set
     * {@code basic.auth.credentials.source=USER_INFO} and {@code
     * basic.auth.user.info=user:password}.
     */
    public Builder registryBasicAuth(String user, String password) {
      if (user == null
          || user.isEmpty()
          || user.contains(":")
          || password == null
          || password.isEmpty()) {
        throw new IllegalArgumentException(
            "registry basic auth needs a user without ':' and a non-empty password");
      }
      this.registryUser = user;
      this.registryPassword = password;
      return this;
    }

    /** Extra broker settings, applied over the single-node defaults. */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(key, value);
      return this;
    }

    public LocalCluster build() {
      return new LocalCluster(this);
    }
  }
}
