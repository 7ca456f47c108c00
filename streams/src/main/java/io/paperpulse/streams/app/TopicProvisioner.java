package io.paperpulse.streams.app;

import io.paperpulse.streams.topology.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the public topics that do not exist yet. Upsert topics are compacted (their latest
 * value per key is the state); the dead-letter topic keeps everything for the default retention.
 * Existing topics are left as they are.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /** Returns the names of the topics it created. */
  public List<String> createMissing(TopicNames topics, int partitions, short replicationFactor)
      throws InterruptedException {
    Set<String> existing;
    try {
      existing = admin.listTopics().names().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
    }
    List<NewTopic> missing = new ArrayList<>();
    for (String topic : topics.all()) {
      if (!existing.contains(topic)) {
        String policy = topics.upsertTopics().contains(topic)
            ? TopicConfig.CLEANUP_POLICY_COMPACT
            : TopicConfig.CLEANUP_POLICY_DELETE;
        missing.add(new NewTopic(topic, partitions, replicationFactor)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy)));
      }
    }
    List<String> created = new ArrayList<>();
    for (Map.Entry<String, ? extends java.util.concurrent.Future<Void>> result :
        admin.createTopics(missing).values().entrySet()) {
      try {
        result.getValue().get();
        created.add(result.getKey());
        log.info("created topic {}", result.getKey());
      } catch (ExecutionException e) {
        // another instance created it between our listing and our request: fine
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(), e.getCause());
        }
      }
    }
    return created;
  }
}
