package io.paperpulse.cli.bench;

import io.paperpulse.streams.topology.TopicNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every figure of one benchmark run; serialized as the {@code --json} file.
 *
 * @param settings        what was asked
 * @param generate        publishing the papers at full speed (generator, serializer, producer, broker)
 * @param rawPipe         a plain consumer reading them with the topology's deserializers
 * @param rawWrite        a plain producer re-sending records the topology wrote to {@code tag-counts}
 * @param exactlyOnce     the topology over all papers with {@code exactly_once_v2}
 * @param atLeastOnce     the topology over all papers with {@code at_least_once}
 * @param latency         publish-to-tag-count latency at a fixed offered rate ({@code exactly_once_v2})
 * @param memory          heap and RSS of the whole process at the end
 */
public record BenchReport(BenchSettings settings, Throughput generate, Throughput rawPipe, Throughput rawWrite,
                          TopologyFigures exactlyOnce,
                          TopologyFigures atLeastOnce, LatencySummary latency, MemoryFootprint memory) {

    /**
     * One topology run.
     *
     * @param throughput             papers over the time to quiescence
     * @param ratioToRawPipe         its records/s divided by the raw pipe's
     * @param commitIntervalMs       the commit interval the run used
     * @param recordsWrittenPerPaper records the application wrote per input record, internal topics included
     * @param outputRecordsPerPaper  of those, the records written to the output topics
     * @param written                records written per topic
     * @param outputBound            papers/s of a topology that wrote only this run's output records per paper,
     *                               as fast as the raw write: the most any topology with this output could reach
     */
    public record TopologyFigures(Throughput throughput, double ratioToRawPipe, long commitIntervalMs,
                                  double recordsWrittenPerPaper, double outputRecordsPerPaper,
                                  RecordsWritten written, Throughput outputBound) {

        static TopologyFigures of(QuiescenceRun.Result run, Throughput rawPipe, Throughput rawWrite,
                                  long commitIntervalMs, TopicNames topics) {
            Throughput throughput = run.throughput();
            double papers = Math.max(1, throughput.records());
            List<String> outputs = List.of(topics.papersTagged(), topics.tagCounts(), topics.trendingTags());
            double outputPerPaper = run.written().to(outputs) / papers;
            // the raw write's time, had it sent outputPerPaper records for each paper of the run
            double boundSeconds = throughput.records() * outputPerPaper / rawWrite.recordsPerSecond();
            return new TopologyFigures(throughput, throughput.ratioTo(rawPipe), commitIntervalMs,
                    run.written().total() / papers, outputPerPaper, run.written(),
                    Throughput.of(throughput.records(), Duration.ofNanos(Math.round(boundSeconds * 1e9))));
        }

        /** Records written per second over the run. */
        double recordsWrittenPerSecond() {
            return throughput.seconds() > 0 ? written.total() / throughput.seconds() : 0;
        }
    }

    /** The table printed on stdout. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "paperpulse bench: %,d papers, %d partition(s), %d stream thread(s)",
                settings.papers(), settings.partitions(), settings.streamThreads()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%-40s %12s %10s %12s", "phase", "records", "seconds", "records/s"));
        lines.add(throughputRow("generate (producer, full speed)", generate, ""));
        lines.add(throughputRow("raw pipe (consumer + deserializer)", rawPipe, ""));
        lines.add(throughputRow("raw write (producer, tag-counts records)", rawWrite, ""));
        lines.add(throughputRow("topology exactly_once_v2", exactlyOnce.throughput(),
                ratio(exactlyOnce.ratioToRawPipe())));
        lines.addAll(writtenRows(exactlyOnce));
        lines.add(throughputRow("topology at_least_once", atLeastOnce.throughput(),
                ratio(atLeastOnce.ratioToRawPipe())));
        lines.addAll(writtenRows(atLeastOnce));
        lines.add("");
        lines.add(String.format(Locale.ROOT,
                "latency publish -> tag-counts at %,.0f papers/s for %d s (exactly_once_v2): "
                        + "p50 %,d ms  p99 %,d ms  max %,d ms  (%,d updates)",
                latency.offeredRate(), settings.latencySeconds(), latency.p50Ms(), latency.p99Ms(), latency.maxMs(),
                latency.samples()));
        lines.add(String.format(Locale.ROOT, "memory at the end: heap after GC %,d MB, RSS %,d MB",
                memory.heapUsedBytes() >> 20, memory.rssBytes() >> 20));
        return lines;
    }

    private static String throughputRow(String phase, Throughput throughput, String suffix) {
        return String.format(Locale.ROOT, "%-40s %,12d %10.1f %,12.0f%s", phase, throughput.records(),
                throughput.seconds(), throughput.recordsPerSecond(), suffix);
    }

    private List<String> writtenRows(TopologyFigures run) {
        return List.of(
                String.format(Locale.ROOT, "  %-38s %,12d %10s %,12.0f   %.1f per paper, %.1f to output topics",
                        "records it wrote", run.written().total(), "", run.recordsWrittenPerSecond(),
                        run.recordsWrittenPerPaper(), run.outputRecordsPerPaper()),
                throughputRow("  bound: its output at raw write", run.outputBound(),
                        ratio(run.outputBound().ratioTo(rawPipe))));
    }

    private static String ratio(double value) {
        // three significant digits: the ratio can be far below 0.01
        String digits = new BigDecimal(value).round(new MathContext(3)).toPlainString();
        return "   " + digits + " x raw pipe";
    }
}
