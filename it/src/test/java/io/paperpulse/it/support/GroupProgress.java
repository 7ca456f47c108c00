package io.paperpulse.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
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
  public long awaitCommittedBeyond(long floor, Duration timeout) {
    return await(applicationId + " committed beyond " + floor)
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        .until(this::committedInput, committed -> committed > floor);
  }

  /** Waits until the application's consumer group has members with assigned partitions. */
  public void awaitGroupStable(Duration timeout) {
    await(applicationId + " joined its group")
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        // the group does not exist until the first member joins
        .ignoreExceptionsInstanceOf(ExecutionException.class)
        .until(
            () -> {
              var group =
                  admin
                      .describeConsumerGroups(Set.of(applicationId))
                      .all()
                      .get()
                      .get(applicationId);
              return group.groupState() == GroupState.STABLE && !group.members().isEmpty();
            });
  }

  /**
   * Polls until the group is caught up and nothing moved (neither committed offsets nor ends) for
   * {@link #SETTLE}, or fails after {@code timeout}. The settle time covers what offsets cannot
   * show: rankings are re-scored up to one ranking interval after their input was committed, and
   * become readable with the next commit.
   */
  public void awaitCaughtUp(Duration timeout, BooleanSupplier stillAlive) {
    AtomicReference<Positions> quiet = new AtomicReference<>();
    AtomicLong quietSince = new AtomicLong();
    await(applicationId + " caught up")
        .atMost(timeout)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              assertThat(stillAlive.getAsBoolean())
                  .as(applicationId + " stopped before catching up")
                  .isTrue();
              Positions now = positions();
              if (now == null || !now.caughtUp()) {
                quiet.set(null);
                return false;
              }
              if (!now.equals(quiet.get())) {
                quiet.set(now);
                quietSince.set(System.nanoTime());
                return false;
              }
              return System.nanoTime() - quietSince.get() >= SETTLE.toNanos();
            });
  }
}
