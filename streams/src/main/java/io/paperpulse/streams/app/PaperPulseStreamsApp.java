package io.paperpulse.streams.app;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.streams.topology.PaperPulseTopology;
import io.paperpulse.streams.topology.RegistryTopologySerdes;
import io.paperpulse.streams.trending.TrendingQueries;
import io.paperpulse.tagging.Tagger;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the paperpulse topology: creates missing topics, starts Kafka Streams and closes
 * everything in order. One instance per process; scale out by starting more processes with the
 * same application id.
 */
public final class PaperPulseStreamsApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperPulseStreamsApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final StreamsAppConfig config;
  private final Tagger tagger;
  private Admin admin;
  private SchemaRegistryClient registry;
  private KafkaStreams streams;
  private CaughtUpDetector caughtUp;

  public PaperPulseStreamsApp(StreamsAppConfig config, Tagger tagger) {
    this.config = config;
    this.tagger = tagger;
  }

  /** Creates missing topics and starts processing; returns once the streams threads started. */
  public synchronized void start() throws InterruptedException {
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    admin = Admin.create(StreamsProperties.admin(config));
    new TopicProvisioner(admin).createMissing(config.topics(), config.partitions(), config.replicationFactor());
    registry = RestSchemaRegistryClient.fromConfig(StreamsProperties.registry(config));
    Properties props = StreamsProperties.streams(config);
    Topology topology = PaperPulseTopology.build(
        new StreamsBuilder(), config.topology(), config.topics(), new RegistryTopologySerdes(registry), tagger);
    Set<String> sources = CaughtUpDetector.sourceTopics(config.applicationId(), topology.describe());
    streams = new KafkaStreams(topology, props);
    streams.setStateListener((next, previous) -> log.info("streams state {} -> {}", previous, next));
    caughtUp = new CaughtUpDetector(admin, config.applicationId(), streams::state, () -> sources);
    streams.start();
    log.info("started application {} on {} (topic prefix '{}', {})",
        config.applicationId(), config.bootstrapServers(), config.topicPrefix(), config.guarantee().configValue());
  }

  public KafkaStreams.State state() {
    return running().state();
  }

  /**
   * True when the application is RUNNING and has no lag on its input and repartition topics,
   * i.e. every record written so far is reflected in the outputs and stores.
   */
  public boolean isCaughtUp() throws InterruptedException {
    running();
    return caughtUp.isCaughtUp();
  }

  public TrendingQueries queries() {
    return new TrendingQueries(running());
  }

  /** The underlying Kafka Streams instance, for metrics and query metadata. */
  public KafkaStreams streams() {
    return running();
  }

  private KafkaStreams running() {
    if (streams == null) {
      throw new IllegalStateException("not started");
    }
    return streams;
  }

  /** Stops processing (committing what was processed) and releases all clients. */
  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streams = null;
    }
    if (registry != null) {
      registry.close();
      registry = null;
    }
    if (admin != null) {
      admin.close(CLOSE_TIMEOUT);
      admin = null;
    }
  }
}
