package io.paperpulse.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>The data directory is formatted on first use and reused afterwards, so topics, committed
 * offsets and transactional state survive a stop and start. The client listener binds the loopback
 * address only.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CLIENT_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String HOST = "127.0.0.1";

  private final Path dataDir;
  private final int requestedPort;
  private final Map<String, String> extraBrokerProperties;
  private final Map<String, String> clientProperties;
  private final Duration readyTimeout;

  private KafkaRaftServer server;
  private int port;

  private EmbeddedKafkaBroker(Builder builder) {
    this.dataDir = builder.dataDir.toAbsolutePath();
    this.requestedPort = builder.port;
    this.extraBrokerProperties = Map.copyOf(builder.extraBrokerProperties);
    this.clientProperties = Map.copyOf(builder.clientProperties);
    this.readyTimeout = builder.readyTimeout;
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * Formats the data directory if needed, starts the node and blocks until it serves client
   * requests.
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("broker already started");
    }
    Instant begin = Instant.now();
    port = LoopbackPorts.resolve(requestedPort);
    int controllerPort = LoopbackPorts.resolve(0);
    try {
      KraftStorage.formatIfNeeded(dataDir, NODE_ID, CONTROLLER_LISTENER);
      KafkaConfig config = KafkaConfig.fromProps(brokerProperties(port, controllerPort), false);
      KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
      server = raftServer;
      raftServer.startup();
      awaitReady();
    } catch (RuntimeException | Error e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IllegalStateException("embedded Kafka broker failed to start in " + dataDir, e);
    }
    LOG.info(
        "Kafka broker ready on {} in {} ms (data in {})",
        bootstrapServers(),
        Duration.between(begin, Instant.now()).toMillis(),
        dataDir);
  }

  /**
   * Settings derived from DESIGN section 6: one node that can still run transactions and consumer
   * groups.
   */
  private Properties brokerProperties(int clientPort, int controllerPort) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put(
        "listeners",
        CLIENT_LISTENER
            + "://"
            + HOST
            + ":"
            + clientPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
    props.put(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put("log.dirs", dataDir.toString());
    props.put("num.partitions", "1");
    props.put("default.replication.factor", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // A development cluster: `paperpulse produce` right after `local-cluster` should just work.
    props.put("auto.create.topics.enable", "true");
    props.putAll(extraBrokerProperties);
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(readyTimeout);
    Map<String, Object> adminConfig = new LinkedHashMap<>(clientProperties());
    adminConfig.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    adminConfig.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    try (Admin admin = Admin.create(adminConfig)) {
      Exception last = null;
      while (Instant.now().isBefore(deadline)) {
        try {
          // An empty node list means the broker has not registered (unfenced) yet.
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
              .nodes()
              .get(3, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          last = e;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("Kafka broker not ready within " + readyTimeout, last);
    }
  }

  /** {@code host:port} of the client listener. */
  public String bootstrapServers() {
    if (port == 0) {
      throw new IllegalStateException("broker not started");
    }
    return HOST + ":" + port;
  }

  /** The client listener port (the concrete one when port 0 was requested). */
  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Properties any Kafka client needs to reach this broker: bootstrap servers plus the given client
   * settings.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new LinkedHashMap<>(clientProperties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Stops the node and waits until its log and metadata are flushed, so the data directory can be
   * reused.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer running = server;
    server = null;
    running.shutdown();
    running.awaitShutdown();
    LOG.info("Kafka broker on {}:{} stopped", HOST, port);
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      LOG.warn("Cleanup after failed start did not complete", e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Configures an {@link EmbeddedKafkaBroker}; only the data directory is required. */
  public static final class Builder {
    private final Path dataDir;
    private int port;
    private final Map<String, String> extraBrokerProperties = new LinkedHashMap<>();
    private final Map<String, String> clientProperties = new LinkedHashMap<>();
    private Duration readyTimeout = Duration.ofSeconds(60);

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Client listener port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Broker settings applied last, overriding the single-node defaults (e.g. listeners for
     * SASL_SSL).
     */
    public Builder brokerProperty(String key, String value) {
      extraBrokerProperties.put(key, value);
      return this;
    }

    public Builder brokerProperties(Map<String, String> properties) {
      extraBrokerProperties.putAll(properties);
      return this;
    }

    /**
     * Client settings (security.protocol, sasl.*, ssl.*) needed to talk to the broker's client
     * listener.
     */
    public Builder clientProperties(Map<String, String> properties) {
      clientProperties.putAll(properties);
      return this;
    }

    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }
  }
}
