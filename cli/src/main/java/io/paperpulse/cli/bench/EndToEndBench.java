package io.paperpulse.cli.bench;

import io.paperpulse.local.LocalCluster;
import io.paperpulse.producer.generate.GenerateJob;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.app.ProcessingGuarantee;
import io.paperpulse.streams.app.TopicProvisioner;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code paperpulse bench} without the command line. On a fresh embedded cluster in {@code
 * workDir}: publishes N papers at full speed, reads them back with a plain consumer (the raw pipe),
 * runs the topology over them to quiescence with exactly-once and with at-least-once (each under
 * its own application id and state directory), re-sends what it wrote to {@code tag-counts} with a
 * plain producer (the raw write), then measures publish-to-tag-count latency at a fixed rate on
 * fresh topics, and finally the process's memory.
 *
 * <p>Broker, registry, generator, consumers and the streams application share this JVM and the
 * machine's cores, as they share the laptop in the zero-setup setting.
 */
public final class EndToEndBench {

  private static final String LATENCY_PREFIX = "latency-";
  private static final String RAW_WRITE_TOPIC = "bench-raw-write";
  private static final Duration QUIET_AFTER_CATCH_UP = Duration.ofSeconds(1);

  private final BenchSettings settings;
  private final Tagger tagger;
  private final Duration phaseTimeout;
  private final Consumer<String> progress;

  /**
   * @param phaseTimeout how long any one phase may take before the run fails
   * @param progress receives a line as each phase starts and ends
   */
  public EndToEndBench(
      BenchSettings settings, Tagger tagger, Duration phaseTimeout, Consumer<String> progress) {
    this.settings = settings;
    this.tagger = tagger;
    this.phaseTimeout = phaseTimeout;
    this.progress = progress;
  }

  public BenchReport run(Path workDir) throws InterruptedException {
    progress.accept("starting the embedded cluster in " + workDir);
    try (LocalCluster cluster = LocalCluster.builder(workDir.resolve("cluster")).build().start();
        SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl())) {
      TopicNames topics = TopicNames.unprefixed();
      createTopics(cluster, topics);

      progress.accept(
          String.format(Locale.ROOT, "generating %,d papers at full speed...", settings.papers()));
      Throughput generate =
          generate(
              cluster,
              registry,
              GenerateOptions.of(topics.papers(), settings.papers(), settings.seed()));
      progress.accept(describe("generate", generate));

      Throughput rawPipe =
          new RawPipeReader(cluster.clientProperties(), registry)
              .readAll(topics.papers(), phaseTimeout);
      progress.accept(describe("raw pipe", rawPipe));

      QuiescenceRun topology = new QuiescenceRun(tagger);
      progress.accept("topology with exactly_once_v2...");
      QuiescenceRun.Result exactlyOnce =
          topology.process(
              streamsConfig(cluster, workDir, "eos", ProcessingGuarantee.EXACTLY_ONCE_V2),
              rawPipe.records(),
              phaseTimeout);
      progress.accept(describe("topology exactly_once_v2", exactlyOnce.throughput()));
      progress.accept("topology with at_least_once...");
      QuiescenceRun.Result atLeastOnce =
          topology.process(
              streamsConfig(cluster, workDir, "alos", ProcessingGuarantee.AT_LEAST_ONCE),
              rawPipe.records(),
              phaseTimeout);
      progress.accept(describe("topology at_least_once", atLeastOnce.throughput()));

      Throughput rawWrite =
          new RawWritePipe(cluster.clientProperties())
              .resend(topics.tagCounts(), createRawWriteTopic(cluster), phaseTimeout);
      progress.accept(describe("raw write", rawWrite));

      return measureLatencyAndMemory(
          cluster,
          registry,
          workDir,
          generate,
          rawPipe,
          rawWrite,
          BenchReport.TopologyFigures.of(
              exactlyOnce,
              rawWrite,
              PaperPulseStreamsConfig.defaultCommitIntervalMs(ProcessingGuarantee.EXACTLY_ONCE_V2),
              topics),
          BenchReport.TopologyFigures.of(
              atLeastOnce,
              rawWrite,
              PaperPulseStreamsConfig.defaultCommitIntervalMs(ProcessingGuarantee.AT_LEAST_ONCE),
              topics));
    }
  }

  /**
   * Offers papers at the configured rate to a running application on fresh topics, at least once
   * and then exactly-once, and records every tag-count update's latency; memory is measured with
   * the exactly-once application still running.
   */
  private BenchReport measureLatencyAndMemory(
      LocalCluster cluster,
      SchemaRegistryClient registry,
      Path workDir,
      Throughput generate,
      Throughput rawPipe,
      Throughput rawWrite,
      BenchReport.TopologyFigures exactlyOnce,
      BenchReport.TopologyFigures atLeastOnce)
      throws InterruptedException {
    LatencySummary atLeastOnceLatency;
    try (PaperPulseStreamsApp app =
        latencyApp(cluster, workDir, ProcessingGuarantee.AT_LEAST_ONCE)) {
      atLeastOnceLatency =
          measureLatency(app, cluster, registry, ProcessingGuarantee.AT_LEAST_ONCE);
    }
    try (PaperPulseStreamsApp app =
        latencyApp(cluster, workDir, ProcessingGuarantee.EXACTLY_ONCE_V2)) {
      LatencySummary exactlyOnceLatency =
          measureLatency(app, cluster, registry, ProcessingGuarantee.EXACTLY_ONCE_V2);
      MemoryFootprint memory = MemoryFootprint.measure();
      return new BenchReport(
          settings,
          generate,
          rawPipe,
          rawWrite,
          exactlyOnce,
          atLeastOnce,
          new BenchReport.Latencies(exactlyOnceLatency, atLeastOnceLatency),
          memory);
    }
  }

  /** An application on topics of its own, started and caught up with their (empty) input. */
  private PaperPulseStreamsApp latencyApp(
      LocalCluster cluster, Path workDir, ProcessingGuarantee guarantee)
      throws InterruptedException {
    String run = "latency-" + guarantee.configValue();
    PaperPulseStreamsConfig config =
        streamsConfig(cluster, workDir, run, guarantee)
            .with(
                Map.of(
                    PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                    LATENCY_PREFIX + guarantee.configValue() + "-"));
    createTopics(cluster, config.topics());
    PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger);
    try {
      app.start();
      QuiescenceRun.awaitCaughtUp(app, deadline(), "the latency application");
      return app;
    } catch (RuntimeException | InterruptedException e) {
      app.close();
      throw e;
    }
  }

  private LatencySummary measureLatency(
      PaperPulseStreamsApp app,
      LocalCluster cluster,
      SchemaRegistryClient registry,
      ProcessingGuarantee guarantee)
      throws InterruptedException {
    TopicNames topics = app.config().topics();
    long[] latencies;
    try (CountUpdateLatencyRecorder recorder =
        new CountUpdateLatencyRecorder(cluster.clientProperties(), topics.tagCounts())) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "latency %s: offering %,d papers at %,.0f papers/s...",
              guarantee.configValue(),
              settings.latencyPapers(),
              settings.latencyRate()));
      generate(
          cluster,
          registry,
          GenerateOptions.of(topics.papers(), settings.latencyPapers(), settings.seed() + 1)
              .withRate(settings.latencyRate()));
      QuiescenceRun.awaitCaughtUp(app, deadline(), "the latency application");
      recorder.awaitQuiet(QUIET_AFTER_CATCH_UP);
      latencies = recorder.latenciesMs();
    }
    LatencySummary latency =
        LatencySummary.of(settings.latencyRate(), settings.latencyPapers(), latencies);
    progress.accept(
        String.format(
            Locale.ROOT,
            "latency %s: p50 %d ms, p99 %d ms, max %d ms over %,d updates",
            guarantee.configValue(),
            latency.p50Ms(),
            latency.p99Ms(),
            latency.maxMs(),
            latency.samples()));
    return latency;
  }

  private long deadline() {
    return System.nanoTime() + phaseTimeout.toNanos();
  }

  private void createTopics(LocalCluster cluster, TopicNames topics) throws InterruptedException {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      new TopicProvisioner(admin).createMissing(topics, settings.partitions(), (short) 1);
    }
  }

  /** The raw write's scratch topic, laid out like the topology's topics. */
  private String createRawWriteTopic(LocalCluster cluster) throws InterruptedException {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(RAW_WRITE_TOPIC, settings.partitions(), (short) 1)))
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not create " + RAW_WRITE_TOPIC + ": " + e.getCause(), e.getCause());
    }
    return RAW_WRITE_TOPIC;
  }

  private static Throughput generate(
      LocalCluster cluster, SchemaRegistryClient registry, GenerateOptions options) {
    GenerateResult result;
    try (StringAvroSerde keys = StringAvroSerde.of(registry, true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      result =
          new GenerateJob(cluster.clientProperties(), keys.serializer(), values.serializer())
              .run(options);
    }
    if (result.failure() != null || result.interrupted()) {
      throw new IllegalStateException("generating papers failed: " + result.summary());
    }
    return Throughput.of(result.events(), result.elapsed());
  }

  /**
   * The application as it runs by default (commit interval included), with the bench's threads and
   * layout.
   */
  private PaperPulseStreamsConfig streamsConfig(
      LocalCluster cluster, Path workDir, String run, ProcessingGuarantee guarantee) {
    return PaperPulseStreamsConfig.of(
        cluster.bootstrapServers(),
        cluster.schemaRegistryUrl(),
        workDir.resolve("state-" + run),
        Map.of(
            PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
            "paperpulse-bench-" + run,
            PaperPulseStreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            guarantee.configValue(),
            PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
            settings.partitions(),
            StreamsConfig.NUM_STREAM_THREADS_CONFIG,
            Integer.toString(settings.streamThreads())));
  }

  private static String describe(String phase, Throughput throughput) {
    return String.format(
        Locale.ROOT,
        "%s: %,d records in %.1f s, %,.0f records/s",
        phase,
        throughput.records(),
        throughput.seconds(),
        throughput.recordsPerSecond());
  }
}
