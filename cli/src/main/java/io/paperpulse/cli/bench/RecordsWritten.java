package io.paperpulse.cli.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Records a streams application's producers sent, per topic: outputs, repartitions, changelogs and
 * dead letters alike. The topology's cost per paper is mostly these writes and the store operations
 * behind them, so the count per paper says what its throughput is bound by.
 *
 * <p>Read from the producers' own {@code record-send-total} per topic, summed over the stream
 * threads' producers: exact, where end offsets would also count transaction markers.
 *
 * @param perTopic records sent to each topic
 */
public record RecordsWritten(Map<String, Long> perTopic) {

  private static final String GROUP = "producer-topic-metrics";
  private static final String NAME = "record-send-total";

  public RecordsWritten {
    perTopic = Map.copyOf(perTopic);
  }

  /**
   * Sums the per-topic send totals among {@code metrics} (those of {@code KafkaStreams#metrics()}).
   */
  public static RecordsWritten from(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Long> perTopic = new TreeMap<>();
    metrics.forEach(
        (name, metric) -> {
          if (GROUP.equals(name.group())
              && NAME.equals(name.name())
              && name.tags().containsKey("topic")
              && metric.metricValue() instanceof Number sent) {
            perTopic.merge(name.tags().get("topic"), Math.round(sent.doubleValue()), Long::sum);
          }
        });
    return new RecordsWritten(perTopic);
  }

  public long total() {
    return perTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records sent to the given topics, those not written counting zero. */
  public long to(Collection<String> topics) {
    return Set.copyOf(topics).stream().mapToLong(topic -> perTopic.getOrDefault(topic, 0L)).sum();
  }
}
