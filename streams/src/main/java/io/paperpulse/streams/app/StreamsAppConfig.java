package io.paperpulse.streams.app;

import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.streams.topology.TopologyConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything needed to run the streams application against a cluster.
 *
 * @param applicationId Kafka Streams application id (consumer group, internal topic prefix)
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry URL
 * @param stateDir directory for local state stores
 * @param guarantee processing guarantee
 * @param topicPrefix prepended to every public topic name
 * @param numStandbyReplicas warm standby copies of each store
 * @param partitions partitions of the topics created when missing
 * @param replicationFactor replication of topics created when missing, and of internal topics
 * @param clientProperties extra client properties (security.protocol, sasl.*, ssl.*, ...) passed to
 *     every Kafka client the application creates, and registry settings
 * @param topology settings of the topology's results
 * @param applicationServer {@code host:port} where this instance answers interactive queries over
 *     HTTP (Kafka Streams' {@code application.server}); null when it serves none
 */
public record StreamsAppConfig(
    String applicationId,
    String bootstrapServers,
    String schemaRegistryUrl,
    Path stateDir,
    ProcessingGuarantee guarantee,
    String topicPrefix,
    int numStandbyReplicas,
    int partitions,
    short replicationFactor,
    Map<String, String> clientProperties,
    TopologyConfig topology,
    String applicationServer) {

  public static final String DEFAULT_APPLICATION_ID = "paperpulse";

  public StreamsAppConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(guarantee, "guarantee");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(topology, "topology");
    clientProperties = Map.copyOf(clientProperties);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replicationFactor must be at least 1");
    }
    if (applicationServer != null && !applicationServer.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "applicationServer must be host:port, got '" + applicationServer + "'");
    }
  }

  /** A configuration that serves no interactive queries to other instances. */
  public StreamsAppConfig(
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl,
      Path stateDir,
      ProcessingGuarantee guarantee,
      String topicPrefix,
      int numStandbyReplicas,
      int partitions,
      short replicationFactor,
      Map<String, String> clientProperties,
      TopologyConfig topology) {
    this(
        applicationId,
        bootstrapServers,
        schemaRegistryUrl,
        stateDir,
        guarantee,
        topicPrefix,
        numStandbyReplicas,
        partitions,
        replicationFactor,
        clientProperties,
        topology,
        null);
  }

  /** Defaults for a local single-broker cluster: exactly-once, 1 partition... see field docs. */
  public static StreamsAppConfig defaults(
      String bootstrapServers, String schemaRegistryUrl, Path stateDir) {
    return new StreamsAppConfig(
        DEFAULT_APPLICATION_ID,
        bootstrapServers,
        schemaRegistryUrl,
        stateDir,
        ProcessingGuarantee.EXACTLY_ONCE_V2,
        "",
        0, // in-process uses (demo, bench) run one instance; the streams command defaults to 1
        3,
        (short) 1,
        Map.of(),
        TopologyConfig.defaults());
  }

  public TopicNames topics() {
    return new TopicNames(topicPrefix);
  }

  public StreamsAppConfig withApplicationId(String value) {
    return edit(c -> c.applicationId = value);
  }

  /** Another state directory: each instance on one machine needs its own. */
  public StreamsAppConfig withStateDir(Path value) {
    return edit(c -> c.stateDir = value);
  }

  public StreamsAppConfig withGuarantee(ProcessingGuarantee value) {
    return edit(c -> c.guarantee = value);
  }

  public StreamsAppConfig withTopicPrefix(String value) {
    return edit(c -> c.topicPrefix = value);
  }

  public StreamsAppConfig withNumStandbyReplicas(int value) {
    return edit(c -> c.numStandbyReplicas = value);
  }

  public StreamsAppConfig withTopicLayout(int partitionCount, short replication) {
    return edit(
        c -> {
          c.partitions = partitionCount;
          c.replicationFactor = replication;
        });
  }

  public StreamsAppConfig withClientProperties(Map<String, String> value) {
    return edit(c -> c.clientProperties = value);
  }

  /** Sets where this instance serves interactive queries, as {@code host:port}. */
  public StreamsAppConfig withApplicationServer(String hostAndPort) {
    return edit(c -> c.applicationServer = hostAndPort);
  }

  public StreamsAppConfig withTopology(TopologyConfig value) {
    return edit(c -> c.topology = value);
  }

  /** A copy with the fields {@code change} sets; the canonical constructor checks the result. */
  private StreamsAppConfig edit(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /**
   * The fields of a configuration being changed, so that each {@code with} method names only its
   * own.
   */
  private static final class Copy {
    private String applicationId;
    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private Path stateDir;
    private ProcessingGuarantee guarantee;
    private String topicPrefix;
    private int numStandbyReplicas;
    private int partitions;
    private short replicationFactor;
    private Map<String, String> clientProperties;
    private TopologyConfig topology;
    private String applicationServer;

    private Copy(StreamsAppConfig from) {
      applicationId = from.applicationId;
      bootstrapServers = from.bootstrapServers;
      schemaRegistryUrl = from.schemaRegistryUrl;
      stateDir = from.stateDir;
      guarantee = from.guarantee;
      topicPrefix = from.topicPrefix;
      numStandbyReplicas = from.numStandbyReplicas;
      partitions = from.partitions;
      replicationFactor = from.replicationFactor;
      clientProperties = from.clientProperties;
      topology = from.topology;
      applicationServer = from.applicationServer;
    }

    private StreamsAppConfig build() {
      return new StreamsAppConfig(
          applicationId,
          bootstrapServers,
          schemaRegistryUrl,
          stateDir,
          guarantee,
          topicPrefix,
          numStandbyReplicas,
          partitions,
          replicationFactor,
          clientProperties,
          topology,
          applicationServer);
    }
  }
}
