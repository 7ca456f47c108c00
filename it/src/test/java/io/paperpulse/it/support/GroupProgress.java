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
 * Whether a Kafka Streams application (seen from outside its process, through its consumer group)
 * has committed everything on its input and repartition topics. Under exactly-once, a committed
 * input offset means its outputs are committed too.
 */
public final class GroupProgress {

  /** The application's ranking interval (1 s) and commit interval (1 s), with slack. */
  public static final Duration SETTLE = Duration.ofMillis(2500);

  private final Admin admin;
  private final String applicationId;
  private final String inputTopic;

  public GroupProgress(Admin admin, String applicationId, String inputTopic) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopic = inputTopic;
  }

  /** True when the group has committed every record of the input and repartition topics. */
  public boolean caughtUp() throws InterruptedException {
    Positions positions = positions();
    return positions != null && positions.caughtUp();
  }

  /**
   * The group's committed offsets and the topics' read_committed ends, or null while they cannot be
   * read. Committed offsets are read first: a transaction committing in between then shows as lag
   * rather than slipping between the two reads.
   */
  private Positions positions() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      Set<String> topics = admin.listTopics().names().get();
      Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
      for (String topic : topics) {
        boolean repartition =
            topic.startsWith(applicationId + "-") && topic.endsWith("-repartition");
        if (repartition || topic.equals(inputTopic)) {
          admin
              .describeTopics(Set.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .forEach(
                  p -> wanted.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get()
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      Map<TopicPartition, Long> done = new HashMap<>();
      committed.forEach(
          (partition, offset) -> {
            if (offset != null) {
              done.put(partition, offset.offset());
            }
          });
      return new Positions(done, ends);
    } catch (ExecutionException e) {
      return null;
    }
  }

  private record Positions(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    boolean caughtUp() {
      return ends.entrySet().stream()
          .allMatch(
              end ->
                  end.getValue() == 0
                      || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
  }

  /**
   * Records on the input topic the group has not committed yet: what a crash now would catch in
   * flight.
   */
  public long inputLag() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
      admin
          .describeTopics(Set.of(inputTopic))
          .allTopicNames()
          .get()
          .get(inputTopic)
          .partitions()
          .forEach(
              p -> wanted.put(new TopicPartition(inputTopic, p.partition()), OffsetSpec.latest()));
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

  /**
   * Sum of the group's committed offsets on the input topic: grows as the application makes
   * progress.
   */
  public long committedInput() throws InterruptedException {
    try {
      return admin
          .listConsumerGroupOffsets(applicationId)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(inputTopic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException e) {
      return 0;
    }
  }

  /**
   * Waits until the committed input offsets exceed {@code floor}, proof that a (new) instance is
   * processing.
   */
  public long awaitCommittedBeyond(long floor, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long committed = committedInput();
      if (committed > floor) {
        return committed;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        applicationId + " committed nothing beyond " + floor + " within " + timeout);
  }

  /** Waits until the application's consumer group has members with assigned partitions. */
  public void awaitGroupStable(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var group =
            admin.describeConsumerGroups(Set.of(applicationId)).all().get().get(applicationId);
        if (group.groupState() == org.apache.kafka.common.GroupState.STABLE
            && !group.members().isEmpty()) {
          return;
        }
      } catch (ExecutionException notYet) {
        // the group does not exist until the first member joins
      }
      Thread.sleep(200);
    }
    throw new AssertionError(applicationId + " did not join its group within " + timeout);
  }

  /**
   * Polls until the group is caught up and nothing moved (neither committed offsets nor ends) for
   * {@link #SETTLE}, or fails after {@code timeout}. The settle time covers what offsets cannot
   * show: rankings are re-scored up to one ranking interval after their input was committed, and
   * become readable with the next commit.
   */
  public void awaitCaughtUp(Duration timeout, BooleanSupplier stillAlive)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Positions quiet = null;
    long quietSince = 0;
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(applicationId + " did not catch up within " + timeout);
      }
      if (!stillAlive.getAsBoolean()) {
        throw new AssertionError(applicationId + " stopped before catching up");
      }
      Positions now = positions();
      if (now == null || !now.caughtUp()) {
        quiet = null;
      } else if (!now.equals(quiet)) {
        quiet = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= SETTLE.toNanos()) {
        return;
      }
      Thread.sleep(300);
    }
  }
}
