package io.paperpulse.streams.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Decides whether the application has processed everything written so far: it is RUNNING and
 * its consumer group's committed offsets reach the end of every partition of its input and
 * repartition topics. Under exactly-once a commit also publishes the outputs, so caught up means
 * the output topics and stores reflect all input.
 */
public final class CaughtUpDetector {

  private static final String REPARTITION_SUFFIX = "-repartition";

  private final Admin admin;
  private final String applicationId;
  private final Supplier<KafkaStreams.State> state;
  private final Supplier<Set<String>> sourceTopics;

  /**
   * @param sourceTopics the topics the application reads, including its repartition topics
   */
  public CaughtUpDetector(
      Admin admin, String applicationId, Supplier<KafkaStreams.State> state, Supplier<Set<String>> sourceTopics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.state = state;
    this.sourceTopics = sourceTopics;
  }

  /** The not yet committed records per partition; empty when caught up. */
  public Map<TopicPartition, Long> lag() throws InterruptedException {
    try {
      Set<String> topics = sourceTopics.get();
      Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      descriptions.values().forEach(description -> description.partitions().forEach(
          partition -> latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
      // read_committed end offsets: records of open or aborted transactions are not work to do
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> lag = new HashMap<>();
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
        OffsetAndMetadata position = committed.get(end.getKey());
        long done = position == null ? 0 : position.offset();
        long remaining = end.getValue().offset() - done;
        if (remaining > 0) {
          lag.put(end.getKey(), remaining);
        }
      }
      return lag;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read consumer lag: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** True when RUNNING and nothing is left to process. */
  public boolean isCaughtUp() throws InterruptedException {
    return state.get() == KafkaStreams.State.RUNNING && lag().isEmpty();
  }

  /**
   * Every topic the topology reads: its source topics as named, and its repartition topics,
   * which {@code describe()} lists without the application id that Kafka Streams prefixes.
   */
  public static Set<String> sourceTopics(String applicationId, TopologyDescription description) {
    Set<String> topics = new HashSet<>();
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          for (String topic : source.topicSet()) {
            topics.add(topic.endsWith(REPARTITION_SUFFIX) ? applicationId + "-" + topic : topic);
          }
        }
      }
    }
    return topics;
  }
}
