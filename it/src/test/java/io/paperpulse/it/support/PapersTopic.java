package io.paperpulse.it.support;

import io.paperpulse.streams.topology.TopicNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the papers topic of a test: compacted, as the upsert-by-id contract asks. */
public final class PapersTopic {

  private PapersTopic() {}

  /** One replica per partition. */
  public static void create(String bootstrapServers, TopicNames topics, int partitions)
      throws Exception {
    create(bootstrapServers, topics, partitions, 1, Map.of());
  }

  /** {@code configs} are topic configs added to the compaction. */
  public static void create(
      String bootstrapServers,
      TopicNames topics,
      int partitions,
      int replicas,
      Map<String, String> configs)
      throws Exception {
    Map<String, String> all = new HashMap<>(configs);
    all.put("cleanup.policy", "compact");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(
              List.of(new NewTopic(topics.papers(), partitions, (short) replicas).configs(all)))
          .all()
          .get();
    }
  }
}
