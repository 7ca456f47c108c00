package io.paperpulse.cli.generate;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.producer.generate.GenerateJob;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.producer.generate.GeneratorSettings;
import io.paperpulse.producer.generate.TopicBurst;
import io.paperpulse.producer.job.ProduceOptions;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Publishes a synthetic, reproducible stream of papers (inserts, updates, deletes) for load tests
 * and demos. Progress and the summary go to stderr. SIGTERM or Ctrl-C stops the job early: what was
 * sent is flushed and acknowledged, the summary says how much that was, and the exit code is 0.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Publish N synthetic papers (with updates and deletes) to Kafka, optionally paced to a rate.")
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = ProduceOptions.DEFAULT_TOPIC,
      description =
          "Topic to publish to (default: ${DEFAULT-VALUE}; the --topic-prefix is prepended).")
  private String topic;

  @Option(
      names = "--count",
      paramLabel = "N",
      required = true,
      description = "Number of events to publish.")
  private long count;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Events per second; 0 publishes as fast as the cluster takes them (default: ${DEFAULT-VALUE}).")
  private double rate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Random seed; the same seed and options publish the same events (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "Earliest publication date (default: 2024-01-01).")
  private LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Latest publication date (default: 2024-12-31).")
  private LocalDate to;

  @Option(
      names = "--update-share",
      paramLabel = "FRACTION",
      defaultValue = "" + GeneratorSettings.DEFAULT_UPDATE_SHARE,
      description = "Share of events that change an earlier paper (default: ${DEFAULT-VALUE}).")
  private double updateShare;

  @Option(
      names = "--burst",
      paramLabel = "PHRASE:FROM:TO:SHARE",
      description =
          "Makes a topic take off: SHARE (0 to 1] of the papers published from FROM to TO "
              + "(inclusive, YYYY-MM-DD) are about PHRASE, e.g. 'state space models:2024-03-04:2024-03-17:0.3'.")
  private String burst;

  @Option(
      names = "--delete-share",
      paramLabel = "FRACTION",
      defaultValue = "" + GeneratorSettings.DEFAULT_DELETE_SHARE,
      description = "Share of events that delete an earlier paper (default: ${DEFAULT-VALUE}).")
  private double deleteShare;

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() {
    GenerateOptions options = options();
    PrintWriter err = spec.commandLine().getErr();
    GenerateResult result;
    try (StopSignal signal = stop.watchShutdown();
        SchemaRegistryClient registry =
            RestSchemaRegistryClient.fromConfig(kafka.registryClientProperties());
        StringAvroSerde keys = StringAvroSerde.of(registry, true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      GenerateJob job =
          new GenerateJob(kafka.kafkaClientProperties(), keys.serializer(), values.serializer());
      result =
          job.run(
              options,
              line -> {
                err.println(line);
                err.flush();
              },
              signal);
    }
    err.println(result.summary());
    err.flush();
    return result.exitCode() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private GenerateOptions options() {
    try {
      GeneratorSettings defaults = GeneratorSettings.defaults(seed);
      LocalDate first = from != null ? from : defaults.from();
      LocalDate last = to != null ? to : defaults.to();
      GeneratorSettings settings =
          (from == null && to == null ? defaults : defaults.withSpan(first, last))
              .withShares(updateShare, deleteShare)
              .withBurst(burst == null ? null : TopicBurst.parse(burst));
      return GenerateOptions.of(kafka.topic(topic), count, seed)
          .withSettings(settings)
          .withRate(rate);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
