package io.paperpulse.cli.streams;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.api.StreamsNode;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.app.ProcessingGuarantee;
import io.paperpulse.streams.app.StreamsAppConfig;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.tagging.Tagger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the tagging and trending topology against a cluster until interrupted. The taxonomy is
 * checked before anything connects, so a bad file fails fast with its line number. SIGTERM or
 * Ctrl-C closes Kafka Streams cleanly (committing what was processed) and the HTTP API, prints one
 * summary line and exits 0.
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description =
        "Run the paperpulse Kafka Streams application (tagging, exact tag counts, trending) "
            + "until interrupted (Ctrl-C).")
public final class StreamsCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsCommand.class);
  private static final Duration STATE_CHECK_INTERVAL = Duration.ofSeconds(1);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);
  private static final Set<KafkaStreams.State> FAILED =
      Set.of(
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR,
          KafkaStreams.State.NOT_RUNNING);

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Mixin private TaxonomyOptions taxonomy;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
      description =
          "Kafka Streams application id: consumer group and internal topic prefix; instances "
              + "with the same id share the work (default: ${DEFAULT-VALUE}).")
  private String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "data/streams-state",
      description = "Local state stores; kept across restarts (default: ${DEFAULT-VALUE}).")
  private Path stateDir;

  @Option(
      names = "--processing-guarantee",
      paramLabel = "GUARANTEE",
      defaultValue = "exactly_once_v2",
      converter = ProcessingGuaranteeConverter.class,
      description =
          "exactly_once_v2 (counts stay exact across crashes) or at_least_once "
              + "(default: ${DEFAULT-VALUE}).")
  private ProcessingGuarantee guarantee;

  @Option(
      names = "--granularities",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "day,week,month,year",
      converter = GranularityConverter.class,
      description =
          "Bucket sizes to count in, comma-separated; changing them needs a new application id "
              + "(default: ${DEFAULT-VALUE}).")
  private List<Granularity> granularities;

  @Option(
      names = "--bucket-by",
      paramLabel = "DATE",
      defaultValue = "published",
      converter = BucketDateConverter.class,
      description =
          "Date that places a paper in its buckets: published (publishedAt) or featured (the day "
              + "Daily Papers featured it, featuredAt; papers without one use publishedAt). Like the "
              + "granularities, changing it needs a new application id (default: ${DEFAULT-VALUE}).")
  private BucketDate bucketBy;

  @Option(
      names = "--alert-min-score",
      paramLabel = "SCORE",
      defaultValue = "3",
      description =
          "Trend score at which a tag in the current bucket is announced on trend-alerts "
              + "(default: ${DEFAULT-VALUE}).")
  private double alertMinScore;

  @Option(
      names = "--alert-min-papers",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Papers a tag needs in the bucket before it can be announced (default: ${DEFAULT-VALUE}).")
  private long alertMinPapers;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "3",
      description = "Partitions of the topics created when missing (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "1",
      description = "Replication of created and internal topics (default: ${DEFAULT-VALUE}).")
  private short replicationFactor;

  // Kafka never places a standby on the instance running the active task, so a default of 1 costs a
  // lone instance nothing and gives a second instance a warm copy to take over from.
  @Option(
      names = "--num-standby-replicas",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Warm standby copies of each state store on other instances; a lone instance keeps "
              + "none (default: ${DEFAULT-VALUE}).")
  private int standbyReplicas;

  @Option(
      names = "--max-output-record-bytes",
      paramLabel = "BYTES",
      defaultValue = "1000000",
      description =
          "Largest output record written; a bigger one goes to papers-dlq (stage production). Keep it "
              + "at or below the output topics' max.message.bytes (default: ${DEFAULT-VALUE}).")
  private int maxOutputRecordBytes;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "Port of the HTTP API, dashboard and /metrics; 0 picks a free port "
              + "(default: ${DEFAULT-VALUE}).")
  private int httpPort;

  @Option(
      names = "--advertised-host",
      paramLabel = "HOST",
      defaultValue = "localhost",
      description =
          "Host name other instances use to reach this one's HTTP API, its Kafka Streams "
              + "application.server (default: ${DEFAULT-VALUE}).")
  private String advertisedHost;

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description =
          "Makes this instance a static member of the group (group.instance.id): restarted with "
              + "the same id, it gets its tasks back at once instead of after the group has waited out the "
              + "old member's session (45 s). Give each instance its own stable id, e.g. its host name; "
              + "a stopped static member keeps its tasks until its session times out (default: none).")
  private String instanceId;

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    TaggerLoad load = taxonomy.load();
    if (load instanceof TaggerLoad.Rejected rejected) {
      rejected.problems().forEach(problem -> err.println("streams: " + problem));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Tagger tagger = ((TaggerLoad.Ready) load).tagger();
    StreamsAppConfig config = config();
    StreamsNode.HttpSettings http = httpSettings();
    try (StopSignal signal = stop.watchShutdown()) {
      int exitCode;
      long processed;
      try (StreamsNode node = StreamsNode.start(config, tagger, http)) {
        LOG.info(
            "tagger {}; dashboard and API on {}; running until Ctrl-C",
            tagger.version(),
            node.url());
        StreamsProgress progress = new StreamsProgress(node.app(), PROGRESS_INTERVAL);
        exitCode = runUntilStopped(node.app(), signal, err, progress);
        // Read before the close, which removes the metrics it comes from.
        processed = progress.processedRecords();
      }
      if (exitCode == ExitCodes.OK) {
        err.println(
            "streams: stopped after processing "
                + processed
                + " records; Kafka Streams closed with "
                + "its work committed, state kept in "
                + stateDir);
        err.flush();
      }
      return exitCode;
    }
  }

  /** Asks a running {@link #call()} to stop and waits until Kafka Streams is closed. */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }

  private int runUntilStopped(
      PaperPulseStreamsApp app, StopSignal stop, PrintWriter err, StreamsProgress progress)
      throws InterruptedException {
    while (!stop.await(STATE_CHECK_INTERVAL)) {
      KafkaStreams.State state = app.state();
      if (FAILED.contains(state)) {
        err.println("streams: Kafka Streams stopped (state " + state + "); the log above says why");
        err.flush();
        return ExitCodes.FAILURE;
      }
      progress.logIfChanged();
    }
    LOG.debug("stopping: closing Kafka Streams");
    return ExitCodes.OK;
  }

  private StreamsNode.HttpSettings httpSettings() {
    try {
      return StreamsNode.HttpSettings.of(httpPort, advertisedHost);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--http-port: " + e.getMessage());
    }
  }

  private StreamsAppConfig config() {
    try {
      return configFromOptions();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private StreamsAppConfig configFromOptions() {
    StreamsAppConfig defaults =
        StreamsAppConfig.defaults(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), stateDir);
    return defaults
        .withApplicationId(applicationId)
        .withGuarantee(guarantee)
        .withTopicPrefix(kafka.topicPrefix())
        .withNumStandbyReplicas(standbyReplicas)
        .withTopicLayout(partitions, replicationFactor)
        .withClientProperties(extraClientProperties())
        .withTopology(
            defaults
                .topology()
                .withGranularities(granularities.stream().distinct().sorted().toList())
                .withMaxOutputRecordBytes(maxOutputRecordBytes)
                .withBucketBy(bucketBy)
                .withAlertThreshold(new AlertThreshold(alertMinScore, alertMinPapers)));
  }

  /**
   * The {@code --config} file's settings, for the Kafka clients and the registry client alike; the
   * addresses themselves travel in their own config fields.
   */
  private Map<String, String> extraClientProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    kafka
        .kafkaClientProperties()
        .forEach((key, value) -> properties.put(key, String.valueOf(value)));
    kafka
        .registryClientProperties()
        .forEach((key, value) -> properties.put(key, String.valueOf(value)));
    properties.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    properties.remove(KafkaOptions.SCHEMA_REGISTRY_URL);
    if (instanceId != null) {
      if (instanceId.isBlank()) {
        throw new IllegalArgumentException("--instance-id must not be blank");
      }
      properties.put(CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    return properties;
  }
}
