package io.paperpulse.streams.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Decides whether the application has processed everything written so far, so that its output
 * topics and stores reflect all input.
 *
 * <p>Caught up means: RUNNING, the consumer group's committed offsets at the end of every partition
 * of the input and repartition topics, and neither those offsets nor the ends moved for a settle
 * time. The settle time covers what offsets cannot show: changed counts and rankings moved by
 * counts are re-scored up to one ranking interval after the counts' input offsets were committed,
 * and what that writes becomes readable at the next commit. Anything written to a repartition topic
 * in that time moves an end offset and restarts the wait.
 *
 * <p>Committed offsets are read before end offsets: a transaction that commits in between then
 * shows up as lag (its records are visible at the end) instead of being missed (offsets read after
 * the commit, ends read before it).
 */
public final class CaughtUpDetector {

  private static final String REPARTITION_SUFFIX = "-repartition";

  private final Admin admin;
  private final String applicationId;
  private final Supplier<KafkaStreams.State> state;
  private final Supplier<Set<String>> sourceTopics;
  private final Duration settle;
  private Offsets quietOffsets;
  private long quietSince;

  /**
   * @param sourceTopics the topics the application reads, including its repartition topics
   * @param settle how long offsets must stay unchanged at the end: at least the ranking interval
   *     plus the commit interval
   */
  public CaughtUpDetector(
      Admin admin,
      String applicationId,
      Supplier<KafkaStreams.State> state,
      Supplier<Set<String>> sourceTopics,
      Duration settle) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.state = state;
    this.sourceTopics = sourceTopics;
    this.settle = settle;
  }

  /** The not yet committed records per partition; empty when every record was committed. */
  public Map<TopicPartition, Long> lag() throws InterruptedException {
    return lag(readOffsets());
  }

  /**
   * True when RUNNING, nothing is left to process and the offsets have been still for the settle
   * time. Meant to be polled: the first call that finds no lag starts the settle time.
   */
  public synchronized boolean isCaughtUp() throws InterruptedException {
    if (state.get() != KafkaStreams.State.RUNNING) {
      quietOffsets = null;
      return false;
    }
    Offsets offsets = readOffsets();
    if (!lag(offsets).isEmpty()) {
      quietOffsets = null;
      return false;
    }
    long now = System.currentTimeMillis();
    if (!offsets.equals(quietOffsets)) {
      quietOffsets = offsets;
      quietSince = now;
      return false;
    }
    return now - quietSince >= settle.toMillis();
  }

  /** The group's committed offsets and the topics' ends; equal snapshots mean nothing moved. */
  private record Offsets(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {}

  private Offsets readOffsets() throws InterruptedException {
    try {
      Set<String> topics = sourceTopics.get();
      Map<TopicPartition, Long> committed = new HashMap<>();
      admin
          .listConsumerGroupOffsets(applicationId)
          .partitionsToOffsetAndMetadata()
          .get()
          .forEach(
              (partition, offset) -> {
                if (offset != null && topics.contains(partition.topic())) {
                  committed.put(partition, offset.offset());
                }
              });
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(topics).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      descriptions
          .values()
          .forEach(
              description ->
                  description
                      .partitions()
                      .forEach(
                          partition ->
                              latest.put(
                                  new TopicPartition(description.name(), partition.partition()),
                                  OffsetSpec.latest())));
      // read_committed end offsets: records of open or aborted transactions are not work to do
      Map<TopicPartition, Long> ends = new HashMap<>();
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get()
              .entrySet()) {
        ends.put(end.getKey(), end.getValue().offset());
      }
      return new Offsets(committed, ends);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot read consumer lag: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static Map<TopicPartition, Long> lag(Offsets offsets) {
    Map<TopicPartition, Long> lag = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> end : offsets.ends().entrySet()) {
      long done = offsets.committed().getOrDefault(end.getKey(), 0L);
      long remaining = end.getValue() - done;
      if (remaining > 0) {
        lag.put(end.getKey(), remaining);
      }
    }
    return lag;
  }

  /**
   * Every topic the topology reads: its source topics as named, and its repartition topics, which
   * {@code describe()} lists without the application id that Kafka Streams prefixes.
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
