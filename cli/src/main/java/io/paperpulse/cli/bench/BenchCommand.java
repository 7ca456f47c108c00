package io.paperpulse.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paperpulse.cli.DurationConverter;
import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.Verbosity;
import io.paperpulse.tagging.PaperTagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark on a fresh embedded cluster: the table goes to stdout, progress to
 * stderr, and {@code --json} keeps every figure for comparing runs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end benchmark on a fresh embedded cluster: publish N synthetic papers, run the "
          + "topology over them with exactly_once_v2 and with at_least_once (papers/s, stream-thread CPU "
          + "per paper, records written per paper), re-send its tag-counts records with a plain producer "
          + "(the bound its output sets), measure publish-to-tag-count latency at a fixed rate, then heap "
          + "and RSS. The defaults take about three minutes on two cores.",
      "Broker, registry, generator and application share this process; run it on an otherwise idle "
          + "machine for figures worth quoting."
    })
public final class BenchCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

  @Spec private CommandSpec spec;

  @Option(
      names = "--papers",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Events published for the throughput phases (default: ${DEFAULT-VALUE}).")
  private long papers;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "1000",
      description = "Papers per second offered in the latency phase (default: ${DEFAULT-VALUE}).")
  private double rate;

  @Option(
      names = "--latency-seconds",
      paramLabel = "S",
      defaultValue = "20",
      description = "Duration of the latency phase (default: ${DEFAULT-VALUE}).")
  private int latencySeconds;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      defaultValue = "1",
      description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(
      names = "--threads",
      paramLabel = "T",
      defaultValue = "2",
      description = "Stream threads of the application (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures as JSON to FILE.")
  private Path json;

  @Option(
      names = "--phase-timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description = "Fail when one phase takes longer than this (default: ${DEFAULT-VALUE}).")
  private Duration phaseTimeout;

  @Override
  public Integer call() throws InterruptedException, IOException {
    BenchSettings settings;
    try {
      settings = new BenchSettings(papers, partitions, threads, rate, latencySeconds, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    // the benchmark narrates its phases; routine component and Kafka Streams lines would bury them
    Verbosity.quietUnlessVerbose(
        List.of("io.paperpulse"),
        List.of("org.apache.kafka.streams", "org.apache.kafka.clients.producer.internals.Sender"));
    PrintWriter err = spec.commandLine().getErr();
    PaperTagger tagger = PaperTagger.withDefaultTaxonomy();
    Path workDir = Files.createTempDirectory("paperpulse-bench-");
    BenchReport report;
    try {
      report =
          new EndToEndBench(
                  settings,
                  tagger,
                  phaseTimeout,
                  line -> {
                    err.println(line);
                    err.flush();
                  })
              .run(workDir);
    } finally {
      deleteQuietly(workDir);
    }
    PrintWriter out = spec.commandLine().getOut();
    report.table().forEach(out::println);
    out.flush();
    if (json != null) {
      writeJson(report, json);
      err.println("figures written to " + json);
      err.flush();
    }
    return ExitCodes.OK;
  }

  static void writeJson(BenchReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
  }

  private static void deleteQuietly(Path workDir) {
    try {
      Utils.delete(workDir.toFile());
    } catch (IOException e) {
      // leftovers in the temp directory do not change the figures
      LOG.warn(
          "could not delete the benchmark's temporary directory {}: {}", workDir, e.toString());
    }
  }
}
