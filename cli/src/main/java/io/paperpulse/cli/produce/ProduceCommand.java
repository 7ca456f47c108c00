package io.paperpulse.cli.produce;

import io.paperpulse.cli.DurationConverter;
import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.producer.job.FollowOptions;
import io.paperpulse.producer.job.FollowResult;
import io.paperpulse.producer.job.InputSource;
import io.paperpulse.producer.job.ProduceJob;
import io.paperpulse.producer.job.ProduceOptions;
import io.paperpulse.producer.job.ProduceResult;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Maps the command line onto the producer's {@link ProduceJob}. Each input (file, stdin, one fetch
 * of a URL) is published in its own transaction: an input with an invalid record publishes nothing
 * (unless {@code --skip-invalid}) and the run exits 2. The per-input report goes to stderr, so
 * stdout stays empty for scripts. With {@code --url} and {@code --every} the feed is followed until
 * SIGTERM or Ctrl-C, which ends it cleanly with exit code 0.
 */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description =
        "Publish papers from files or stdin to Kafka as Avro PaperEvents, keyed by paper id.")
public final class ProduceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Mixin private InputParsingOptions input;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = ProduceOptions.DEFAULT_TOPIC,
      description =
          "Topic to publish to (default: ${DEFAULT-VALUE}; the --topic-prefix is prepended).")
  private String topic;

  @Option(
      names = "--delete",
      paramLabel = "ID",
      description = "Publish a tombstone for this paper id (repeatable).")
  private List<String> deletes = new ArrayList<>();

  @Option(
      names = "--skip-invalid",
      description =
          "Publish the valid records of an input that also has invalid ones (reported, exit 0).")
  private boolean skipInvalid;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Read a Daily Papers JSON or arXiv Atom feed from this URL (once, or repeatedly with --every).")
  private URI url;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With --url: fetch again at this interval and publish new or changed papers until "
              + "interrupted (e.g. 10m).")
  private Duration every;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Input files; '-' reads standard input.")
  private List<String> files = new ArrayList<>();

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() {
    validate();
    try (SchemaRegistryClient registry =
            RestSchemaRegistryClient.fromConfig(kafka.registryClientProperties());
        StringAvroSerde keys = StringAvroSerde.of(registry, true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      ProduceJob job =
          new ProduceJob(kafka.kafkaClientProperties(), keys.serializer(), values.serializer());
      return every != null ? follow(job) : publishOnce(job);
    }
  }

  private void validate() {
    if (every != null && url == null) {
      throw new ParameterException(spec.commandLine(), "--every needs --url");
    }
    if (every != null && (!files.isEmpty() || !deletes.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          "--url with --every follows a feed until interrupted; publish files and deletes in a separate run");
    }
    if (files.isEmpty() && deletes.isEmpty() && url == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Nothing to produce: give input files, '-' for standard input, --url URL or --delete ID");
    }
  }

  private int publishOnce(ProduceJob job) {
    List<InputSource> inputs = new ArrayList<>();
    files.forEach(file -> inputs.add(InputSource.fromArgument(file, () -> System.in)));
    if (url != null) {
      inputs.add(
          new InputSource(url.toString(), () -> url.toURL().openStream(), null, url.toString()));
    }
    ProduceResult result =
        job.run(
            new ProduceOptions(
                kafka.topic(topic), input.format(), input.asOf(), deletes, skipInvalid, inputs));
    PrintWriter err = spec.commandLine().getErr();
    result.lines().forEach(err::println);
    err.flush();
    return switch (result.exitCode()) {
      case ProduceResult.OK -> ExitCodes.OK;
      case ProduceResult.BAD_INPUT -> ExitCodes.BAD_INPUT;
      default -> ExitCodes.FAILURE;
    };
  }

  /**
   * Follows the feed on this thread until SIGTERM or Ctrl-C: a round being published is committed,
   * a download or the wait for the next round is abandoned, the producer closes, and one summary
   * line goes to stderr.
   */
  private int follow(ProduceJob job) {
    FollowOptions options = new FollowOptions(kafka.topic(topic), url, every, input.format());
    FollowResult result;
    try (StopSignal signal = stop.watchShutdown()) {
      result = job.follow(options, signal);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("produce: " + result.summary());
    err.flush();
    return result.exitCode() == ProduceResult.OK ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** Asks a running {@code --every} follower to stop and waits until it has. */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }
}
