package io.paperpulse.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

  private final StreamsAppConfig base =
      StreamsAppConfig.defaults("broker:9092", "http://registry:8081", Path.of("state"));

  @Test
  void eachWithChangesItsOwnFieldsOnly() {
    StreamsAppConfig changed =
        base.withApplicationId("app")
            .withStateDir(Path.of("other"))
            .withGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
            .withTopicPrefix("dev.")
            .withNumStandbyReplicas(2)
            .withTopicLayout(6, (short) 3)
            .withClientProperties(Map.of("security.protocol", "SSL"))
            .withApplicationServer("host:8080")
            .withTopology(TopologyConfig.defaults().withMaxAbstractChars(100));

    assertThat(changed)
        .isEqualTo(
            new StreamsAppConfig(
                "app",
                "broker:9092",
                "http://registry:8081",
                Path.of("other"),
                ProcessingGuarantee.AT_LEAST_ONCE,
                "dev.",
                2,
                6,
                (short) 3,
                Map.of("security.protocol", "SSL"),
                TopologyConfig.defaults().withMaxAbstractChars(100),
                "host:8080"));
    assertThat(base.withTopicPrefix("dev.").withTopicPrefix(base.topicPrefix())).isEqualTo(base);
  }

  @Test
  void copiesAreCheckedLikeNewConfigurations() {
    assertThatThrownBy(() -> base.withTopicLayout(0, (short) 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withApplicationServer("no-port"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topologyWithChangesItsOwnFieldsOnly() {
    TopologyConfig defaults = TopologyConfig.defaults();
    TopologyConfig changed =
        defaults
            .withGranularities(List.of(Granularity.DEFAULTS.get(0)))
            .withMaxAbstractChars(500)
            .withTrending(2, 5)
            .withMaxOutputRecordBytes(4_000)
            .withRankingInterval(Duration.ofMillis(20))
            .withBucketBy(BucketDate.FEATURED);

    assertThat(changed)
        .isEqualTo(
            new TopologyConfig(
                List.of(Granularity.DEFAULTS.get(0)),
                500,
                defaults.maxFutureSkew(),
                2,
                5,
                4_000,
                Duration.ofMillis(20),
                1,
                BucketDate.FEATURED,
                AlertThreshold.DEFAULT));
    assertThatThrownBy(() -> defaults.withTrending(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
