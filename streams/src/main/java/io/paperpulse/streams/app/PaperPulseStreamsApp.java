package io.paperpulse.streams.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.errors.CountingDeserializationHandler;
import io.paperpulse.streams.metrics.MicrometerPipelineMetrics;
import io.paperpulse.streams.metrics.PipelineMetrics;
import io.paperpulse.streams.topology.PaperPulseTopology;
import io.paperpulse.streams.topology.RegistryTopologySerdes;
import io.paperpulse.streams.topology.TopologySerdes;
import io.paperpulse.streams.trending.TrendingQueries;
import io.paperpulse.tagging.Tagger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the paperpulse topology: creates missing topics, starts Kafka Streams and closes everything
 * in order. One instance per process; scale out by starting more processes with the same
 * application id.
 */
public final class PaperPulseStreamsApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperPulseStreamsApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  // with application.server once start(String) set it; read by other threads after the start
  private volatile PaperPulseStreamsConfig config;
  private final Tagger tagger;
  private final MeterRegistry meterRegistry;
  // AdminClient rather than Admin: Micrometer's client binder takes the concrete type
  private AdminClient admin;
  private SchemaRegistryClient registry;
  private TopologySerdes serdes;
  private PipelineMetrics pipelineMetrics;
  private Topology topology;
  private KafkaStreams streams;
  private CloseOptions.GroupMembershipOperation membershipOnClose =
      CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
  private CaughtUpDetector caughtUp;
  private KafkaStreamsMetrics streamsMetrics;
  private KafkaClientMetrics adminMetrics;

  /** An application whose meters go nowhere. */
  public PaperPulseStreamsApp(PaperPulseStreamsConfig config, Tagger tagger) {
    // a composite registry without children is Micrometer's no-op registry
    this(config, tagger, new CompositeMeterRegistry());
  }

  /**
   * An application reporting its pipeline meters and its Kafka Streams and admin client metrics to
   * {@code meterRegistry}; the Kafka meters are removed again on {@link #close()}.
   */
  public PaperPulseStreamsApp(
      PaperPulseStreamsConfig config, Tagger tagger, MeterRegistry meterRegistry) {
    this.config = config;
    this.tagger = tagger;
    this.meterRegistry = meterRegistry;
  }

  /**
   * The part of {@link #start()} that needs no address of this instance: creates missing topics,
   * connects to the schema registry and builds the topology. A node calls it while its HTTP server
   * starts, then {@link #start(String)} with the server's address; does nothing a second time.
   */
  public synchronized void prepare() throws InterruptedException {
    if (topology != null) {
      return;
    }
    admin = AdminClient.create(StreamsProperties.admin(config));
    new TopicProvisioner(admin)
        .createMissing(config.topics(), config.partitions(), config.replicationFactor());
    registry = RestSchemaRegistryClient.fromConfig(StreamsProperties.registry(config));
    serdes = new RegistryTopologySerdes(registry);
    pipelineMetrics = new MicrometerPipelineMetrics(meterRegistry);
    // the counting stage has as many partitions as the papers topic, as the other stages have
    topology =
        PaperPulseTopology.build(
            new StreamsBuilder(),
            config,
            partitionsOf(config.topics().papers()),
            config.topics(),
            serdes,
            tagger,
            pipelineMetrics);
  }

  /**
   * {@link #start()} with Kafka Streams' {@code application.server} set to {@code hostAndPort}, the
   * address of this instance's HTTP API, through which other instances reach its stores.
   */
  public synchronized void start(String hostAndPort) throws InterruptedException {
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    config = config.with(Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, hostAndPort));
    start();
  }

  /** Creates missing topics and starts processing; returns once the streams threads started. */
  public synchronized void start() throws InterruptedException {
    prepare();
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    Properties props = StreamsProperties.streams(config);
    props.put(CountingDeserializationHandler.METRICS_CONFIG, pipelineMetrics);
    streams = new KafkaStreams(topology, props);
    membershipOnClose = membershipOnClose(props);
    streams.setStateListener(
        (next, previous) -> log.info("streams state {} -> {}", previous, next));
    streams.setGlobalStateRestoreListener(new RestoreLog());
    Set<String> sources =
        CaughtUpDetector.sourceTopics(config.applicationId(), topology.describe());
    caughtUp =
        new CaughtUpDetector(
            admin, config.applicationId(), streams::state, () -> sources, settleTime(config));
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meterRegistry);
    adminMetrics = new KafkaClientMetrics(admin);
    adminMetrics.bindTo(meterRegistry);
    streams.start();
    log.info(
        "started application {} on {} (topic prefix '{}', {})",
        config.applicationId(),
        config.bootstrapServers(),
        config.topicPrefix(),
        config.guarantee().configValue());
  }

  private int partitionsOf(String topic) throws InterruptedException {
    try {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Whether the members leave the group when the application closes. A dynamic member that stays
   * (Kafka Streams' default with the classic protocol) keeps its tasks assigned to nobody until its
   * session times out, 45 s by default, and a restarted instance joins as a new member that waits
   * for that too. Only a static member ({@code group.instance.id}) gets its tasks back by
   * rejoining, so only it stays.
   */
  private static CloseOptions.GroupMembershipOperation membershipOnClose(Properties props) {
    boolean staticMember =
        props.stringPropertyNames().stream()
            .anyMatch(name -> name.endsWith(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    return staticMember
        ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
        : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
  }

  /**
   * How long offsets must stay still at the end before the outputs are complete. Counts are written
   * with the commit of their input, but changed rankings wait up to one emit interval in the
   * counting task, then for the next commit, and a second of slack for a busy stream thread.
   */
  private static Duration settleTime(PaperPulseStreamsConfig config) {
    return config.emitInterval().plusSeconds(1).plusMillis(config.commitIntervalMs());
  }

  public KafkaStreams.State state() {
    return running().state();
  }

  /**
   * True when the application is RUNNING, has no lag on its input and repartition topics and
   * nothing moved for the settle time, i.e. every record written so far is reflected in the outputs
   * and stores (see {@link CaughtUpDetector}). Meant to be polled.
   */
  public boolean isCaughtUp() throws InterruptedException {
    running();
    return caughtUp.isCaughtUp();
  }

  public TrendingQueries queries() {
    return new TrendingQueries(running(), config.topN());
  }

  /** The serdes of the running topology; their key serializers locate keys among instances. */
  public TopologySerdes serdes() {
    running();
    return serdes;
  }

  public PaperPulseStreamsConfig config() {
    return config;
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

  /**
   * Stops processing (committing what was processed), leaves the group unless the members are
   * static ({@link #membershipOnClose}), and releases all clients.
   */
  @Override
  public synchronized void close() {
    // Meters first: they read from clients that are about to close, and a restarted app in the
    // same process must not find stale meters of this one.
    if (streamsMetrics != null) {
      streamsMetrics.close();
      streamsMetrics = null;
    }
    if (adminMetrics != null) {
      adminMetrics.close();
      adminMetrics = null;
    }
    if (streams != null) {
      streams.close(
          CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(membershipOnClose));
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
    topology = null;
  }
}
