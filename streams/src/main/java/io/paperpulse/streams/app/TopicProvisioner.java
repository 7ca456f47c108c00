package io.paperpulse.streams.app;

import io.paperpulse.streams.topology.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the public topics that do not exist yet. Upsert topics are compacted (their latest value
 * per key is the state); the dead-letter topic keeps everything for the default retention. Existing
 * topics are left as they are.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  /**
   * How long a created topic may take to appear in the brokers' metadata before that is an error.
   */
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

  private static final long VISIBILITY_POLL_MILLIS = 100;

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /**
   * Returns the names of the topics it created, once the brokers describe every topic it created or
   * found created by someone else meanwhile.
   */
  public List<String> createMissing(TopicNames topics, int partitions, short replicationFactor)
      throws InterruptedException {
    Set<String> existing;
    try {
      existing = admin.listTopics().names().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot list topics: " + e.getCause().getMessage(), e.getCause());
    }
    List<NewTopic> missing = new ArrayList<>();
    for (String topic : topics.all()) {
      if (!existing.contains(topic)) {
        String policy =
            topics.upsertTopics().contains(topic)
                ? TopicConfig.CLEANUP_POLICY_COMPACT
                : TopicConfig.CLEANUP_POLICY_DELETE;
        missing.add(
            new NewTopic(topic, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy)));
      }
    }
    List<String> created = new ArrayList<>();
    List<String> createdElsewhere = new ArrayList<>();
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
              "cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(),
              e.getCause());
        }
        createdElsewhere.add(result.getKey());
      }
    }
    List<String> awaited = new ArrayList<>(created);
    awaited.addAll(createdElsewhere);
    awaitVisible(awaited);
    return created;
  }

  /**
   * Returns once the brokers describe every one of {@code topics}. A creation is acknowledged when
   * the controller has recorded it; a broker applies it to the metadata it answers from a moment
   * later (longer on a loaded machine), and until then describes the topic as unknown.
   */
  public void awaitVisible(Collection<String> topics) throws InterruptedException {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    while (true) {
      try {
        admin.describeTopics(topics).allTopicNames().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException(
              "cannot describe topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "topics "
                  + topics
                  + " were created but brokers still do not know them after "
                  + VISIBLE_WITHIN.toSeconds()
                  + " s",
              e.getCause());
        }
        Thread.sleep(VISIBILITY_POLL_MILLIS);
      }
    }
  }
}
