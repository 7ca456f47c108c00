package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small end-to-end benchmark in-process: every phase runs and reports a figure. */
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void smallRunReportsEveryFigureInTheTableAndTheJson() throws Exception {
    Path json = dir.resolve("out/bench.json");

    CliRun run =
        CliRun.run(
            "bench",
            "--papers",
            "500",
            "--rate",
            "200",
            "--latency-seconds",
            "3",
            "--phase-timeout",
            "3m",
            "--json",
            json.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "raw pipe",
            "topology exactly_once_v2",
            "topology at_least_once",
            "CPU ms/paper",
            "of bound",
            "p99",
            "heap after GC",
            "RSS");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    for (String figure :
        List.of(
            "/generate/recordsPerSecond",
            "/rawPipe/recordsPerSecond",
            "/rawWrite/recordsPerSecond",
            "/atLeastOnce/outputBound/recordsPerSecond",
            "/exactlyOnce/throughput/recordsPerSecond",
            "/exactlyOnce/cpuMsPerPaper",
            "/exactlyOnce/shareOfBound",
            "/atLeastOnce/throughput/recordsPerSecond",
            "/atLeastOnce/cpuMsPerPaper",
            "/atLeastOnce/shareOfBound",
            "/exactlyOnce/recordsWrittenPerPaper",
            "/atLeastOnce/outputRecordsPerPaper",
            "/atLeastOnce/written/perTopic/tag-counts",
            "/latency/exactlyOnce/p50Ms",
            "/latency/exactlyOnce/p99Ms",
            "/latency/exactlyOnce/maxMs",
            "/latency/exactlyOnce/samples",
            "/latency/atLeastOnce/p50Ms",
            "/latency/atLeastOnce/p99Ms",
            "/latency/atLeastOnce/maxMs",
            "/latency/atLeastOnce/samples",
            "/memory/heapUsedBytes",
            "/memory/rssBytes")) {
      assertThat(figures.at(figure).isNumber()).as(figure).isTrue();
    }
    assertThat(figures.at("/rawPipe/records").asLong()).isEqualTo(500);
    assertThat(figures.at("/exactlyOnce/throughput/records").asLong()).isEqualTo(500);
    assertThat(numbersIn(figures))
        .allSatisfy((path, value) -> assertThat(value).as(path).isPositive());
    // every paper is written to papers-tagged, and every write of the run is counted
    assertThat(figures.at("/atLeastOnce/written/perTopic/papers-tagged").asLong()).isEqualTo(500);
    assertThat(figures.at("/exactlyOnce/recordsWrittenPerPaper").asDouble())
        .isGreaterThan(figures.at("/exactlyOnce/outputRecordsPerPaper").asDouble());
    assertThat(run.out()).contains("records it wrote per paper", "raw write", "tag-counts");
    // the topology writes its output and more, so a producer writing only the output is faster
    assertThat(figures.at("/atLeastOnce/outputBound/recordsPerSecond").asDouble())
        .isGreaterThan(figures.at("/atLeastOnce/throughput/recordsPerSecond").asDouble());
    assertThat(figures.at("/atLeastOnce/shareOfBound").asDouble()).isLessThan(1.0);
    for (String guarantee : List.of("exactlyOnce", "atLeastOnce")) {
      JsonNode latency = figures.at("/latency/" + guarantee);
      assertThat(latency.at("/p50Ms").asLong())
          .as(guarantee)
          .isLessThanOrEqualTo(latency.at("/p99Ms").asLong())
          .isLessThanOrEqualTo(latency.at("/maxMs").asLong());
    }
    assertThat(run.out()).contains("(exactly_once_v2): p50", "(at_least_once): p50");
  }

  @Test
  void nonPositiveRateIsBadUsage() {
    CliRun run = CliRun.run("bench", "--rate", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--rate");
  }

  private static Map<String, Double> numbersIn(JsonNode node) {
    Map<String, Double> numbers = new java.util.TreeMap<>();
    collect("", node, numbers);
    return numbers;
  }

  private static void collect(String path, JsonNode node, Map<String, Double> numbers) {
    if (node.isNumber()) {
      numbers.put(path, node.asDouble());
      return;
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String name : names) {
      collect(path + "/" + name, node.get(name), numbers);
    }
  }
}
