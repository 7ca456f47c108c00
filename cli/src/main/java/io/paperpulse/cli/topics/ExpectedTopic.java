package io.paperpulse.cli.topics;

import io.paperpulse.streams.topology.TopicNames;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How one public topic should be laid out. Upsert topics (DESIGN section 3: latest value per key is
 * the state) are compacted; the dead-letter topic keeps records for the retention period. This is
 * the same rule the streams application applies when it creates missing topics, read from {@link
 * TopicNames#upsertTopics()}.
 */
public record ExpectedTopic(
    String name, int partitions, short replicationFactor, String cleanupPolicy) {

  public static List<ExpectedTopic> layout(
      TopicNames topics, int partitions, short replicationFactor) {
    List<String> upsert = topics.upsertTopics();
    return topics.all().stream()
        .map(
            name ->
                new ExpectedTopic(
                    name,
                    partitions,
                    replicationFactor,
                    upsert.contains(name)
                        ? TopicConfig.CLEANUP_POLICY_COMPACT
                        : TopicConfig.CLEANUP_POLICY_DELETE))
        .toList();
  }

  /** Human-readable settings, as printed by the topics command. */
  public String settings() {
    return partitions
        + " partitions, replication "
        + replicationFactor
        + ", cleanup.policy="
        + cleanupPolicy;
  }
}
