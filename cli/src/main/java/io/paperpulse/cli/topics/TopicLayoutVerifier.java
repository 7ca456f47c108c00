package io.paperpulse.cli.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Compares the topics on a cluster with their expected layout: partition count, replication factor
 * of every partition and {@code cleanup.policy}. A wrong cleanup policy is the costly mistake: a
 * deleting upsert topic loses papers after the retention period, a compacted dead-letter topic
 * loses failed records that share a key.
 */
public final class TopicLayoutVerifier {

  private final Admin admin;

  public TopicLayoutVerifier(Admin admin) {
    this.admin = admin;
  }

  /** One verdict per expected topic, in the given order. */
  public List<TopicVerdict> verify(List<ExpectedTopic> expected) throws InterruptedException {
    List<String> names = expected.stream().map(ExpectedTopic::name).toList();
    Map<String, KafkaFuture<TopicDescription>> descriptions =
        admin.describeTopics(names).topicNameValues();
    Map<String, TopicDescription> found = new LinkedHashMap<>();
    for (String name : names) {
      describe(descriptions.get(name)).ifPresent(description -> found.put(name, description));
    }
    Map<ConfigResource, Config> configs = found.isEmpty() ? Map.of() : configsOf(found.keySet());

    List<TopicVerdict> verdicts = new ArrayList<>();
    for (ExpectedTopic topic : expected) {
      TopicDescription description = found.get(topic.name());
      if (description == null) {
        verdicts.add(TopicVerdict.missing(topic));
      } else {
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
        verdicts.add(TopicVerdict.found(topic, mismatches(topic, description, config)));
      }
    }
    return verdicts;
  }

  private static List<String> mismatches(
      ExpectedTopic expected, TopicDescription actual, Config config) {
    List<String> mismatches = new ArrayList<>();
    int partitions = actual.partitions().size();
    if (partitions != expected.partitions()) {
      mismatches.add("partitions " + partitions + " (expected " + expected.partitions() + ")");
    }
    for (TopicPartitionInfo partition : actual.partitions()) {
      int replicas = partition.replicas().size();
      if (replicas != expected.replicationFactor()) {
        mismatches.add(
            "replication "
                + replicas
                + " on partition "
                + partition.partition()
                + " (expected "
                + expected.replicationFactor()
                + ")");
      }
    }
    ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    String actualPolicy = policy == null ? "unknown" : policy.value();
    if (!expected.cleanupPolicy().equals(actualPolicy)) {
      mismatches.add(
          "cleanup.policy=" + actualPolicy + " (expected " + expected.cleanupPolicy() + ")");
    }
    return mismatches;
  }

  private static Optional<TopicDescription> describe(KafkaFuture<TopicDescription> future)
      throws InterruptedException {
    try {
      return Optional.of(future.get());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "cannot describe topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private Map<ConfigResource, Config> configsOf(Collection<String> topics)
      throws InterruptedException {
    List<ConfigResource> resources =
        topics.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    try {
      return admin.describeConfigs(resources).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot read topic configs: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
