package io.paperpulse.it.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams application (seen from outside its process, through its consumer
 * group) has committed everything on its input and repartition topics. Under exactly-once, a
 * committed input offset means its outputs are committed too.
 */
public final class GroupProgress {

  private final Admin admin;
  private final String applicationId;
  private final String inputTopic;

  public GroupProgress(Admin admin, String applicationId, String inputTopic) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopic = inputTopic;
  }

  public boolean caughtUp() throws InterruptedException {
    try {
      Set<String> topics = admin.listTopics().names().get();
      Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
      for (String topic : topics) {
        boolean repartition = topic.startsWith(applicationId + "-") && topic.endsWith("-repartition");
        if (repartition || topic.equals(inputTopic)) {
          admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
              .forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
      }
      var ends = admin.listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      for (var end : ends.entrySet()) {
        long endOffset = end.getValue().offset();
        OffsetAndMetadata done = committed.get(end.getKey());
        if (endOffset > 0 && (done == null || done.offset() < endOffset)) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** Records on the input topic the group has not committed yet: what a crash now would catch in flight. */
  public long inputLag() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
      admin.describeTopics(Set.of(inputTopic)).allTopicNames().get().get(inputTopic).partitions()
          .forEach(p -> wanted.put(new TopicPartition(inputTopic, p.partition()), OffsetSpec.latest()));
      var ends = admin.listOffsets(wanted).all().get();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read offsets of " + applicationId, e.getCause());
    }
  }

  /** Sum of the group's committed offsets on the input topic: grows as the application makes progress. */
  public long committedInput() throws InterruptedException {
    try {
      return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(inputTopic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException e) {
      return 0;
    }
  }

  /** Waits until the committed input offsets exceed {@code floor}, proof that a (new) instance is processing. */
  public long awaitCommittedBeyond(long floor, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long committed = committedInput();
      if (committed > floor) {
        return committed;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(applicationId + " committed nothing beyond " + floor + " within " + timeout);
  }

  /** Waits until the application's consumer group has members with assigned partitions. */
  public void awaitGroupStable(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var group = admin.describeConsumerGroups(Set.of(applicationId)).all().get().get(applicationId);
        if (group.groupState() == org.apache.kafka.common.GroupState.STABLE && !group.members().isEmpty()) {
          return;
        }
      } catch (ExecutionException notYet) {
        // the group does not exist until the first member joins
      }
      Thread.sleep(200);
    }
    throw new AssertionError(applicationId + " did not join its group within " + timeout);
  }

  /** Polls until caught up twice in a row (no record in between) or fails after {@code timeout}. */
  public void awaitCaughtUp(Duration timeout, BooleanSupplier stillAlive) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int streak = 0;
    while (streak < 2) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(applicationId + " did not catch up within " + timeout);
      }
      if (!stillAlive.getAsBoolean()) {
        throw new AssertionError(applicationId + " stopped before catching up");
      }
      streak = caughtUp() ? streak + 1 : 0;
      Thread.sleep(500);
    }
  }
}
