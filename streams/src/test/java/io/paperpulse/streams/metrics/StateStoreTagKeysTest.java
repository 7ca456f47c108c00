package io.paperpulse.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StateStoreTagKeysTest {

  private static final String FLUSH = "kafka.stream.state.flush.latency.avg";

  @Test
  void storesOfDifferentTypesShareOneLabelSetInPrometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new StateStoreTagKeys());

    Gauge.builder(FLUSH, () -> 1.0)
        .tags(Tags.of("rocksdb.state.id", "tag-counts-store", "task.id", "1_0"))
        .register(registry);
    Gauge.builder(FLUSH, () -> 2.0)
        .tags(Tags.of("in.memory.state.id", "tag-counts-pending", "task.id", "1_0"))
        .register(registry);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "kafka_stream_state_flush_latency_avg{state_id=\"tag-counts-store\",store_type=\"rocksdb\",task_id=\"1_0\"} 1.0")
        .contains(
            "kafka_stream_state_flush_latency_avg{state_id=\"tag-counts-pending\",store_type=\"in.memory\",task_id=\"1_0\"} 2.0");
  }

  @Test
  void metersWithoutAStoreTagAreLeftAsTheyAre() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new StateStoreTagKeys());

    Gauge.builder("kafka.stream.thread.commit.rate", () -> 3.0)
        .tags(Tags.of("thread.id", "t-1"))
        .register(registry);

    assertThat(registry.scrape())
        .contains("kafka_stream_thread_commit_rate{thread_id=\"t-1\"} 3.0");
  }
}
