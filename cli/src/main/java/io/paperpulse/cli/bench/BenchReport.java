package io.paperpulse.cli.bench;

import io.paperpulse.streams.topology.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Every figure of one benchmark run; serialized as the {@code --json} file.
 *
 * @param settings what was asked
 * @param generate publishing the papers at full speed (generator, serializer, producer, broker)
 * @param rawPipe a plain consumer reading them with the topology's deserializers
 * @param rawWrite a plain producer re-sending records the topology wrote to {@code tag-counts}
 * @param exactlyOnce the topology over all papers with {@code exactly_once_v2}
 * @param atLeastOnce the topology over all papers with {@code at_least_once}
 * @param latency publish-to-tag-count latency at a fixed offered rate, per guarantee
 * @param memory heap and RSS of the whole process at the end
 */
public record BenchReport(
    BenchSettings settings,
    Throughput generate,
    Throughput rawPipe,
    Throughput rawWrite,
    TopologyFigures exactlyOnce,
    TopologyFigures atLeastOnce,
    Latencies latency,
    MemoryFootprint memory) {

  /** Publish-to-tag-count latency of an application of each guarantee at the same offered rate. */
  public record Latencies(LatencySummary exactlyOnce, LatencySummary atLeastOnce) {}

  /**
   * One topology run.
   *
   * @param throughput papers over the time to quiescence
   * @param cpuMsPerPaper CPU time of the application's stream threads (and their producers' network
   *     threads) per paper
   * @param commitIntervalMs the commit interval the run used
   * @param recordsWrittenPerPaper records the application wrote per input record, internal topics
   *     included
   * @param outputRecordsPerPaper of those, the records written to the output topics
   * @param written records written per topic
   * @param outputBound papers/s of a topology that wrote only this run's output records per paper,
   *     as fast as the raw write: the most any topology with this output could reach
   * @param shareOfBound the run's papers/s as a share of {@code outputBound}
   */
  public record TopologyFigures(
      Throughput throughput,
      double cpuMsPerPaper,
      long commitIntervalMs,
      double recordsWrittenPerPaper,
      double outputRecordsPerPaper,
      RecordsWritten written,
      Throughput outputBound,
      double shareOfBound) {

    static TopologyFigures of(
        QuiescenceRun.Result run, Throughput rawWrite, long commitIntervalMs, TopicNames topics) {
      Throughput throughput = run.throughput();
      double papers = Math.max(1, throughput.records());
      List<String> outputs =
          List.of(
              topics.papersTagged(),
              topics.tagCounts(),
              topics.trendingTags(),
              topics.trendAlerts());
      double outputPerPaper = run.written().to(outputs) / papers;
      // the raw write's time, had it sent outputPerPaper records for each paper of the run
      double boundSeconds = throughput.records() * outputPerPaper / rawWrite.recordsPerSecond();
      Throughput bound =
          Throughput.of(throughput.records(), Duration.ofNanos(Math.round(boundSeconds * 1e9)));
      return new TopologyFigures(
          throughput,
          run.streamThreadCpu().toNanos() / 1e6 / papers,
          commitIntervalMs,
          run.written().total() / papers,
          outputPerPaper,
          run.written(),
          bound,
          throughput.ratioTo(bound));
    }
  }

  /** The table printed on stdout. */
  public List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "paperpulse bench: %,d papers, %d partition(s), %d stream thread(s), commit interval"
                + " %,d ms (exactly_once_v2) and %,d ms (at_least_once)",
            settings.papers(),
            settings.partitions(),
            settings.streamThreads(),
            exactlyOnce.commitIntervalMs(),
            atLeastOnce.commitIntervalMs()));
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "%-34s %9s %12s %13s %11s %12s %9s",
            "topology",
            "papers/s",
            "CPU ms/paper",
            "written/paper",
            "to outputs",
            "bound pp/s",
            "of bound"));
    lines.add(topologyRow("topology exactly_once_v2", exactlyOnce));
    lines.add(topologyRow("topology at_least_once", atLeastOnce));
    lines.add(latencyRow("exactly_once_v2", latency.exactlyOnce()));
    lines.add(latencyRow("at_least_once", latency.atLeastOnce()));
    lines.add(
        String.format(
            Locale.ROOT,
            "memory at the end: heap after GC %,d MB, RSS %,d MB",
            memory.heapUsedBytes() >> 20,
            memory.rssBytes() >> 20));
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT, "%-42s %12s %10s %12s", "reference", "records", "seconds", "records/s"));
    lines.add(throughputRow("generate (producer, full speed)", generate));
    lines.add(throughputRow("raw pipe (consumer + deserializer)", rawPipe));
    lines.add(throughputRow("raw write (producer, tag-counts records)", rawWrite));
    lines.add("");
    lines.add("records it wrote per paper, by topic:");
    lines.addAll(writtenRows("exactly_once_v2", exactlyOnce));
    lines.addAll(writtenRows("at_least_once", atLeastOnce));
    return lines;
  }

  private static String topologyRow(String name, TopologyFigures run) {
    return String.format(
        Locale.ROOT,
        "%-34s %,9.0f %12.3f %13.1f %11.1f %,12.0f %8.1f%%",
        name,
        run.throughput().recordsPerSecond(),
        run.cpuMsPerPaper(),
        run.recordsWrittenPerPaper(),
        run.outputRecordsPerPaper(),
        run.outputBound().recordsPerSecond(),
        100 * run.shareOfBound());
  }

  private String latencyRow(String guarantee, LatencySummary latency) {
    return String.format(
        Locale.ROOT,
        "latency publish -> tag-counts at %,.0f papers/s for %d s (%s): "
            + "p50 %,d ms  p99 %,d ms  max %,d ms  (%,d updates)",
        latency.offeredRate(),
        settings.latencySeconds(),
        guarantee,
        latency.p50Ms(),
        latency.p99Ms(),
        latency.maxMs(),
        latency.samples());
  }

  private static String throughputRow(String phase, Throughput throughput) {
    return String.format(
        Locale.ROOT,
        "%-42s %,12d %10.1f %,12.0f",
        phase,
        throughput.records(),
        throughput.seconds(),
        throughput.recordsPerSecond());
  }

  private static List<String> writtenRows(String guarantee, TopologyFigures run) {
    double papers = Math.max(1, run.throughput().records());
    List<String> rows = new ArrayList<>();
    new TreeMap<>(run.written().perTopic())
        .forEach(
            (topic, records) ->
                rows.add(
                    String.format(
                        Locale.ROOT, "  %-16s %-48s %8.2f", guarantee, topic, records / papers)));
    return rows;
  }
}
