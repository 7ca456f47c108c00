package io.paperpulse.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {

  @Test
  void percentilesAreNearestRankOverUnsortedSamples() {
    long[] samples = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();

    LatencySummary summary = LatencySummary.of(5000, 100, samples);

    assertThat(summary.p50Ms()).isEqualTo(500);
    assertThat(summary.p99Ms()).isEqualTo(990);
    assertThat(summary.maxMs()).isEqualTo(1000);
    assertThat(summary.samples()).isEqualTo(1000);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    LatencySummary summary = LatencySummary.of(1, 1, new long[] {42});

    assertThat(List.of(summary.p50Ms(), summary.p99Ms(), summary.maxMs())).containsOnly(42L);
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> LatencySummary.of(1, 1, new long[0]))
        .hasMessageContaining("no tag-count update");
  }

  @Test
  void throughputAndRatio() {
    Throughput raw = Throughput.of(1000, Duration.ofMillis(500));
    Throughput topology = Throughput.of(1000, Duration.ofSeconds(2));

    assertThat(raw.recordsPerSecond()).isEqualTo(2000.0);
    assertThat(topology.ratioTo(raw)).isEqualTo(0.25);
  }

  @Test
  void recordsWrittenSumsTheSendTotalsOfEveryProducerPerTopic() {
    Map<MetricName, Metric> metrics = new HashMap<>();
    addSendTotal(metrics, "producer-topic-metrics", "thread-1-producer", "tag-counts", 30);
    addSendTotal(metrics, "producer-topic-metrics", "thread-2-producer", "tag-counts", 12);
    addSendTotal(
        metrics, "producer-topic-metrics", "thread-1-producer", "app-tag-deltas-repartition", 7);
    // the producer-wide total counts the same records again; only the per-topic figures are summed
    addSendTotal(metrics, "producer-metrics", "thread-1-producer", null, 37);

    RecordsWritten written = RecordsWritten.from(metrics);

    assertThat(written.perTopic())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("tag-counts", 42L, "app-tag-deltas-repartition", 7L));
    assertThat(written.total()).isEqualTo(49);
    assertThat(written.to(List.of("tag-counts", "trending-tags"))).isEqualTo(42);
  }

  private static void addSendTotal(
      Map<MetricName, Metric> metrics, String group, String client, String topic, double value) {
    Map<String, String> tags = new HashMap<>(Map.of("client-id", client));
    if (topic != null) {
      tags.put("topic", topic);
    }
    MetricName name = new MetricName("record-send-total", group, "", tags);
    metrics.put(
        name,
        new Metric() {
          @Override
          public MetricName metricName() {
            return name;
          }

          @Override
          public Object metricValue() {
            return value;
          }
        });
  }

  @Test
  void residentSetSizeIsReadInKilobytes() {
    assertThat(
            MemoryFootprint.parseVmRss(
                List.of("Name:\tjava", "VmRSS:\t  123456 kB", "VmSwap: 0 kB")))
        .isEqualTo(123456L * 1024);
    assertThat(MemoryFootprint.parseVmRss(List.of("Name:\tjava"))).isEqualTo(-1);
    assertThat(MemoryFootprint.measure().heapUsedBytes()).isPositive();
  }
}
