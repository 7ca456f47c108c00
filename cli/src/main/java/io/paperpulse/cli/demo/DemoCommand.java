package io.paperpulse.cli.demo;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.Verbosity;
import io.paperpulse.cli.produce.InputParsingOptions;
import io.paperpulse.local.LocalCluster;
import io.paperpulse.producer.job.InputSource;
import io.paperpulse.producer.job.ProduceJob;
import io.paperpulse.producer.job.ProduceOptions;
import io.paperpulse.producer.job.ProduceResult;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.api.StreamsNode;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The zero-setup tour: embedded broker and registry, the streams application, the bundled sample
 * (plus any {@code --input} files), and the resulting trending tables on stdout. Progress goes to
 * stderr so that stdout holds only the tables.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start an embedded Kafka broker and Schema Registry, run the streams application, publish "
          + "the bundled Daily Papers sample (and --input files) and print the trending tags and top papers per year, "
          + "and the alerts raised.",
      "Runs until Ctrl-C, printing the tables again when new papers change them, unless --exit-when-done."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private InputParsingOptions input;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Also publish this file after the bundled sample (repeatable).")
  private List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--exit-when-done",
      description = "Exit once everything published is processed and the tables are printed.")
  private boolean exitWhenDone;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keep the cluster data and streams state here (default: a temporary directory, "
              + "deleted on exit).")
  private Path dataDir;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Tags per table (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(
      names = "--years",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many of the latest years with papers to show (default: ${DEFAULT-VALUE}).")
  private int years;

  @Option(
      names = "--papers",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many top papers of each year to show (default: ${DEFAULT-VALUE}).")
  private int papers;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "Port of the dashboard, HTTP API and /metrics, served unless --exit-when-done; 0 picks a "
              + "free port (default: ${DEFAULT-VALUE}).")
  private int httpPort;

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    for (Path input : inputs) {
      if (!Files.isReadable(input)) {
        err.println("demo: cannot read --input " + input);
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
    }
    // The demo narrates its own progress; the components' routine INFO lines (schema registrations,
    // topic creation), Kafka Streams' advice for production setups (state in the temp directory)
    // and the retries of back-to-back transactions on a fresh broker would bury it.
    Verbosity.quietUnlessVerbose(
        List.of("io.paperpulse"),
        List.of("org.apache.kafka.streams", "org.apache.kafka.clients.producer.internals.Sender"));
    // Loaded first: compiling the taxonomy takes a moment better spent before the broker is up.
    PaperTagger tagger = PaperTagger.withDefaultTaxonomy();
    try (StopSignal signal = stop.watchShutdown()) {
      int exitCode;
      String kept;
      try (DemoWorkspace workspace =
          dataDir == null ? DemoWorkspace.temporary() : DemoWorkspace.in(dataDir)) {
        exitCode = run(workspace, tagger, signal, err);
        kept =
            workspace.isTemporary() ? "temporary data deleted" : "data kept in " + workspace.root();
      }
      if (signal.isRequested() && exitCode == ExitCodes.OK) {
        progress("demo: stopped; " + kept);
      }
      return exitCode;
    }
  }

  /**
   * Everything between creating the workspace and deleting it; SIGTERM or Ctrl-C ends it with exit
   * code 0.
   */
  private int run(DemoWorkspace workspace, PaperTagger tagger, StopSignal stop, PrintWriter err)
      throws InterruptedException {
    progress(
        "starting embedded Kafka and Schema Registry in "
            + workspace.root()
            + (workspace.isTemporary() ? " (deleted on exit)" : "")
            + "...");
    try (LocalCluster cluster = LocalCluster.builder(workspace.clusterDir()).build().start();
        Running running = startStreams(cluster, workspace, tagger)) {
      PaperPulseStreamsApp app = running.app();
      ProduceResult published = publish(cluster);
      if (published.exitCode() != ProduceResult.OK) {
        published.lines().forEach(err::println);
        err.flush();
        return published.exitCode() == ProduceResult.BAD_INPUT
            ? ExitCodes.BAD_INPUT
            : ExitCodes.FAILURE;
      }
      progress(describe(published));
      progress("waiting for the topology to catch up...");
      long waitStart = System.nanoTime();
      DemoProgress watcher = new DemoProgress(app, stop);
      TrendingReport report = watcher.awaitReport(shown(), published.published() > 0);
      if (report == null) {
        return ExitCodes.OK;
      }
      progress(
          String.format(Locale.ROOT, "caught up in %.1f s", (System.nanoTime() - waitStart) / 1e9));
      print(report);
      if (exitWhenDone) {
        return ExitCodes.OK;
      }
      progress(
          "dashboard: "
              + running.url()
              + "/  (API "
              + running.url()
              + "/api/trending, metrics "
              + running.url()
              + "/metrics)");
      progress("running until Ctrl-C. From another terminal:");
      progress("  paperpulse watch --url " + running.url());
      progress(
          "  paperpulse consume --bootstrap-servers "
              + cluster.bootstrapServers()
              + " --schema-registry "
              + cluster.schemaRegistryUrl()
              + " --topic "
              + TopicNames.TRENDING_TAGS
              + " --from-beginning");
      progress(
          "  paperpulse produce --bootstrap-servers "
              + cluster.bootstrapServers()
              + " --schema-registry "
              + cluster.schemaRegistryUrl()
              + " FILE");
      watcher.onEachChange(
          report,
          shown(),
          changed -> {
            progress("new papers changed the rankings:");
            print(changed);
          });
      return ExitCodes.OK;
    }
  }

  /**
   * The streams application, with its HTTP server unless the demo exits right after printing: a
   * dashboard that disappears at once would only occupy the port.
   */
  private Running startStreams(LocalCluster cluster, DemoWorkspace workspace, PaperTagger tagger)
      throws InterruptedException {
    progress(
        "Kafka: "
            + cluster.bootstrapServers()
            + "  Schema Registry: "
            + cluster.schemaRegistryUrl());
    progress("starting the streams application...");
    PaperPulseStreamsConfig config = streamsConfig(cluster, workspace);
    if (exitWhenDone) {
      PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger);
      try {
        app.start();
      } catch (RuntimeException | InterruptedException e) {
        app.close();
        throw e;
      }
      return new Running(app, null, app);
    }
    StreamsNode node = StreamsNode.start(config, tagger, StreamsNode.HttpSettings.onPort(httpPort));
    return new Running(node.app(), node.url(), node);
  }

  /** The started application and what closes it (the application itself, or its HTTP node). */
  private record Running(PaperPulseStreamsApp app, String url, AutoCloseable resource)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException(
            "cannot stop the streams application: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Asks a running {@link #call()} to stop and waits until the cluster is down and temporary data
   * deleted.
   */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }

  private DemoProgress.Shown shown() {
    return new DemoProgress.Shown(years, papers);
  }

  private static PaperPulseStreamsConfig streamsConfig(
      LocalCluster cluster, DemoWorkspace workspace) {
    // One partition per topic: a single instance gains nothing from more and starts faster with
    // fewer tasks.
    return PaperPulseStreamsConfig.of(
        cluster.bootstrapServers(),
        cluster.schemaRegistryUrl(),
        workspace.streamsStateDir(),
        Map.of(PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG, 1));
  }

  private ProduceResult publish(LocalCluster cluster) {
    List<InputSource> sources = new ArrayList<>();
    sources.add(InputSource.bundledSample());
    inputs.forEach(input -> sources.add(InputSource.file(input)));
    Map<String, Object> kafka = cluster.clientProperties();
    try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
        StringAvroSerde keys = StringAvroSerde.of(registry, true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      ProduceJob job = new ProduceJob(kafka, keys.serializer(), values.serializer());
      return job.run(
          new ProduceOptions(
              TopicNames.unprefixed().papers(),
              input.format(),
              input.asOf(),
              List.of(),
              false,
              sources));
    }
  }

  private static String describe(ProduceResult result) {
    StringBuilder line = new StringBuilder("published " + result.published() + " papers");
    if (result.tombstones() > 0) {
      line.append(", ").append(result.tombstones()).append(" deletes");
    }
    if (result.skippedBlocks() > 0) {
      line.append(" (")
          .append(result.skippedBlocks())
          .append(" page blocks that are not paper cards skipped)");
    }
    return line.toString();
  }

  private void print(TrendingReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (report.isEmpty()) {
      out.println("No trending tags yet: no paper was tagged.");
    }
    report.render(top).forEach(out::println);
    out.flush();
  }

  private void progress(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(line);
    err.flush();
  }
}
