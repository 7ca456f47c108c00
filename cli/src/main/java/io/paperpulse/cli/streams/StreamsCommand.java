package io.paperpulse.cli.streams;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.streams.api.StreamsNode;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.tagging.partofspeech.PartOfSpeechLexicon;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
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

  // The options below that set a configuration key are read through the command spec, and only
  // when given (StreamsOptionKeys, config()), so that an option left at its default does not
  // override the same key from --set or the --config file; the fields are picocli's targets and
  // the annotations' defaults (the ConfigDef's) are what --help shows.

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      defaultValue = PaperPulseStreamsConfig.APPLICATION_ID_DEFAULT,
      description =
          "Kafka Streams application id: consumer group and internal topic prefix; instances "
              + "with the same id share the work (default: ${DEFAULT-VALUE}).")
  private String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = PaperPulseStreamsConfig.STATE_DIR_DEFAULT,
      description = "Local state stores; kept across restarts (default: ${DEFAULT-VALUE}).")
  private String stateDir;

  @Option(
      names = "--processing-guarantee",
      paramLabel = "GUARANTEE",
      defaultValue = PaperPulseStreamsConfig.PROCESSING_GUARANTEE_DEFAULT,
      description =
          "exactly_once_v2 (counts stay exact across crashes) or at_least_once "
              + "(default: ${DEFAULT-VALUE}).")
  private String guarantee;

  @Option(
      names = "--granularities",
      paramLabel = "LIST",
      split = ",",
      defaultValue = PaperPulseStreamsConfig.GRANULARITIES_DEFAULT,
      description =
          "Bucket sizes to count in, comma-separated; changing them needs a new application id "
              + "(default: ${DEFAULT-VALUE}).")
  private List<String> granularities;

  @Option(
      names = "--bucket-by",
      paramLabel = "DATE",
      defaultValue = PaperPulseStreamsConfig.BUCKET_BY_DEFAULT,
      description =
          "Date that places a paper in its buckets: published (publishedAt) or featured (the day "
              + "Daily Papers featured it, featuredAt; papers without one use publishedAt). Like the "
              + "granularities, changing it needs a new application id (default: ${DEFAULT-VALUE}).")
  private String bucketBy;

  @Option(
      names = "--alert-min-score",
      paramLabel = "SCORE",
      defaultValue = PaperPulseStreamsConfig.ALERT_MIN_SCORE_DEFAULT,
      description =
          "Trend score at which a tag in the current bucket is announced on trend-alerts "
              + "(default: ${DEFAULT-VALUE}).")
  private String alertMinScore;

  @Option(
      names = "--alert-min-papers",
      paramLabel = "N",
      defaultValue = PaperPulseStreamsConfig.ALERT_MIN_PAPERS_DEFAULT,
      description =
          "Papers a tag needs in the bucket before it can be announced (default: ${DEFAULT-VALUE}).")
  private String alertMinPapers;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = PaperPulseStreamsConfig.TOPIC_PARTITIONS_DEFAULT,
      description = "Partitions of the topics created when missing (default: ${DEFAULT-VALUE}).")
  private String partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = PaperPulseStreamsConfig.REPLICATION_FACTOR_DEFAULT,
      description = "Replication of created and internal topics (default: ${DEFAULT-VALUE}).")
  private String replicationFactor;

  @Option(
      names = "--num-standby-replicas",
      paramLabel = "N",
      defaultValue = PaperPulseStreamsConfig.NUM_STANDBY_REPLICAS_DEFAULT,
      description =
          "Warm standby copies of each state store on other instances; a lone instance keeps "
              + "none (default: ${DEFAULT-VALUE}).")
  private String standbyReplicas;

  @Option(
      names = "--max-output-record-bytes",
      paramLabel = "BYTES",
      defaultValue = PaperPulseStreamsConfig.MAX_OUTPUT_RECORD_BYTES_DEFAULT,
      description =
          "Largest output record written; a bigger one goes to papers-dlq (stage production). Keep it "
              + "at or below the output topics' max.message.bytes (default: ${DEFAULT-VALUE}).")
  private String maxOutputRecordBytes;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = PaperPulseStreamsConfig.HTTP_PORT_DEFAULT,
      description =
          "Port of the HTTP API, dashboard and /metrics; 0 picks a free port "
              + "(default: ${DEFAULT-VALUE}).")
  private String httpPort;

  @Option(
      names = "--advertised-host",
      paramLabel = "HOST",
      defaultValue = PaperPulseStreamsConfig.HTTP_ADVERTISED_HOST_DEFAULT,
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

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Sets any configuration key, repeatable: the paperpulse.* keys (also those without an "
              + "option, such as paperpulse.top.n or paperpulse.emit.interval.ms) and any Kafka "
              + "Streams or client setting. Options win over --set, --set over the --config file. "
              + "Every key is listed in the README's streams configuration reference.")
  private Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--print-config",
      description =
          "Print the configuration the command would run with and exit without connecting: every "
              + "key of the reference that has a value, then the other settings given, in properties "
              + "format, with passwords and credentials shown as [hidden].")
  private boolean printConfig;

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (printConfig) {
      PrintWriter out = spec.commandLine().getOut();
      EffectiveConfig.lines(config()).forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    }
    // tagging starts once the group is joined and the state restored; WordNet loads meanwhile
    PartOfSpeechLexicon.loadInBackground();
    TaggerLoad load = taxonomy.load();
    if (load instanceof TaggerLoad.Rejected rejected) {
      rejected.problems().forEach(problem -> err.println("streams: " + problem));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Tagger tagger = ((TaggerLoad.Ready) load).tagger();
    PaperPulseStreamsConfig config = config();
    StreamsNode.HttpSettings http = httpSettings(config);
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
                + config.stateDir());
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

  private StreamsNode.HttpSettings httpSettings(PaperPulseStreamsConfig config) {
    try {
      return StreamsNode.HttpSettings.of(config.httpPort(), config.httpAdvertisedHost());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--http-port: " + e.getMessage());
    }
  }

  /**
   * The configuration from, lowest first: the definition's defaults, the {@code --config} file,
   * {@code --set}, and the options given on the command line or through their environment
   * variables. An option left at its default does not override a key set another way.
   */
  private PaperPulseStreamsConfig config() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.putAll(kafka.kafkaClientProperties());
    all.putAll(kafka.registryClientProperties());
    all.putAll(settings);
    Map<String, String> given = givenOptions();
    all.putAll(given);
    try {
      return new PaperPulseStreamsConfig(all);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), withOption(e.getMessage(), given));
    }
  }

  /** The options that set a configuration key and were given, by key. */
  private Map<String, String> givenOptions() {
    Map<String, String> given = new LinkedHashMap<>();
    IDefaultValueProvider environment = spec.defaultValueProvider();
    ParseResult parsed = spec.commandLine().getParseResult();
    StreamsOptionKeys.OPTIONS.forEach(
        (name, key) -> {
          OptionSpec option = spec.findOption(name);
          boolean fromEnvironment;
          try {
            fromEnvironment = environment != null && environment.defaultValue(option) != null;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          if (parsed.hasMatchedOption(option) || fromEnvironment) {
            Object value = option.getValue();
            if (value instanceof List<?> values) {
              // --granularities may be repeated as well as comma-separated
              given.put(key, String.join(",", values.stream().map(String::valueOf).toList()));
            } else if (value != null) {
              given.put(key, value.toString());
            }
          }
        });
    return given;
  }

  /** Names the option along with the key when the bad value came from an option. */
  private static String withOption(String message, Map<String, String> given) {
    for (String key : given.keySet()) {
      if (message.contains("configuration " + key + ":")
          || message.contains("configuration \"" + key + "\"")) {
        return StreamsOptionKeys.optionFor(key) + ": " + message;
      }
    }
    return message;
  }
}
