package io.paperpulse.cli.reset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.StreamsResetter;

/**
 * What a reset of one streams application would change, found before anything is touched: the input
 * topics on which its group committed offsets past the earliest, its internal topics on the cluster
 * and its local state directory. Printed as is when the user has not confirmed, carried out by
 * Kafka's reset tool and {@code KafkaStreams#cleanUp()} when they have.
 *
 * @param group the application's group on the cluster, empty when it has none (never started)
 * @param rewoundTopics input topics whose committed offsets go back to the earliest, sorted
 * @param internalTopics the topology's internal topics that exist on the cluster, sorted
 * @param lookalikeTopics topics the topology does not name but Kafka's reset tool takes for
 *     internal topics of the application by their name (another application's whose id extends this
 *     one, or left by an older topology), sorted
 * @param localState {@code <state-dir>/<application-id>}, empty when it holds no state on this
 *     machine
 */
record ResetPlan(
    String applicationId,
    Optional<ApplicationGroup> group,
    List<String> rewoundTopics,
    List<String> internalTopics,
    List<String> lookalikeTopics,
    Optional<Path> localState) {

  ResetPlan {
    rewoundTopics = List.copyOf(rewoundTopics);
    internalTopics = List.copyOf(internalTopics);
    lookalikeTopics = List.copyOf(lookalikeTopics);
  }

  /** Reads the plan off the cluster and the state directory; changes nothing. */
  static ResetPlan find(Admin admin, String applicationId, TopologyTopics topology, Path stateDir)
      throws InterruptedException {
    Optional<GroupListing> listing =
        await(admin.listGroups().all(), "list groups").stream()
            .filter(g -> g.groupId().equals(applicationId))
            .findFirst();
    Optional<ApplicationGroup> group = Optional.empty();
    List<String> rewound = List.of();
    if (listing.isPresent()
        && listing.get().type().orElse(GroupType.CLASSIC) == GroupType.STREAMS) {
      // refused whatever its members and offsets (obstacle()), so they are not looked up
      group =
          Optional.of(
              new ApplicationGroup(
                  GroupType.STREAMS,
                  listing.get().groupState().map(Object::toString).orElse("unknown"),
                  false));
    } else if (listing.isPresent()) {
      ConsumerGroupDescription description =
          await(
              admin
                  .describeConsumerGroups(List.of(applicationId))
                  .describedGroups()
                  .get(applicationId),
              "describe group '" + applicationId + "'");
      group =
          Optional.of(
              new ApplicationGroup(
                  description.type(),
                  description.groupState().toString(),
                  !description.members().isEmpty()));
      rewound = rewoundTopics(admin, applicationId, topology.inputTopics());
    }
    Set<String> existing = await(admin.listTopics().names(), "list topics");
    List<String> internal = topology.internalTopics().stream().filter(existing::contains).toList();
    List<String> lookalikes =
        existing.stream()
            .filter(
                topic ->
                    topic.startsWith(applicationId + "-")
                        && StreamsResetter.matchesInternalTopicFormat(topic)
                        && !topology.inputTopics().contains(topic)
                        && !topology.internalTopics().contains(topic))
            .sorted()
            .toList();
    Path localState = stateDir.resolve(applicationId);
    return new ResetPlan(
        applicationId,
        group,
        rewound,
        internal,
        lookalikes,
        holdsState(localState) ? Optional.of(localState) : Optional.empty());
  }

  /**
   * Kafka Streams keeps an application's state in directories under its own: one per task, one for
   * global stores. The files beside them, its lock and process id, are no state and stay after a
   * clean-up.
   */
  private static boolean holdsState(Path applicationDirectory) {
    if (!Files.isDirectory(applicationDirectory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(applicationDirectory)) {
      return entries.anyMatch(Files::isDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read local state " + applicationDirectory + ": " + e.getMessage(), e);
    }
  }

  /** The input topics with a committed offset past the partition's earliest one. */
  private static List<String> rewoundTopics(
      Admin admin, String applicationId, Collection<String> inputTopics)
      throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        await(
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata(),
                "list offsets of group '" + applicationId + "'")
            .entrySet()
            .stream()
            .filter(
                entry -> entry.getValue() != null && inputTopics.contains(entry.getKey().topic()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    if (committed.isEmpty()) {
      return List.of();
    }
    Map<TopicPartition, ListOffsetsResultInfo> earliest =
        await(
            admin
                .listOffsets(
                    committed.keySet().stream()
                        .collect(
                            Collectors.toMap(
                                Function.identity(), partition -> OffsetSpec.earliest())))
                .all(),
            "list earliest offsets of " + inputTopics);
    return committed.entrySet().stream()
        .filter(entry -> entry.getValue().offset() > earliest.get(entry.getKey()).offset())
        .map(entry -> entry.getKey().topic())
        .distinct()
        .sorted()
        .toList();
  }

  /** Why the reset must not go ahead, if it must not; checked before asking for confirmation. */
  Optional<String> obstacle() {
    if (group.isPresent() && group.get().active()) {
      return Optional.of(
          "application '"
              + applicationId
              + "' is running (group state "
              + group.get().state()
              + "); stop every instance first. An instance that was just stopped stays a member until its "
              + "session times out (45 s by default).");
    }
    if (group.isPresent() && group.get().type() == GroupType.STREAMS) {
      return Optional.of(
          "application '"
              + applicationId
              + "' has a streams group (group.protocol=streams), "
              + "whose offsets Kafka's streams reset tool does not reset; use kafka-streams-groups.sh "
              + "--reset-offsets or --delete for the group.");
    }
    if (!rewoundTopics.isEmpty() && internalTopics.isEmpty() && !lookalikeTopics.isEmpty()) {
      // Given no internal topic to delete, the tool deletes what it takes for them by name.
      return Optional.of(
          "application '"
              + applicationId
              + "' has none of its internal topics left, so "
              + "Kafka's streams reset tool would delete "
              + String.join(", ", lookalikeTopics)
              + " instead, which its topology does not name. Rewind the group with kafka-consumer-groups.sh "
              + "--reset-offsets --to-earliest instead.");
    }
    return Optional.empty();
  }

  boolean nothingToDo() {
    return rewoundTopics.isEmpty() && internalTopics.isEmpty() && localState.isEmpty();
  }

  /** One line per action, in the order they are carried out. */
  List<String> actions() {
    List<String> actions = new ArrayList<>();
    if (!rewoundTopics.isEmpty()) {
      actions.add(
          "rewind "
              + group.orElseThrow().kind()
              + " '"
              + applicationId
              + "' to the earliest offsets of "
              + String.join(", ", rewoundTopics)
              + " (input topics are read again from the beginning)");
    }
    internalTopics.forEach(topic -> actions.add("delete internal topic " + topic));
    localState.ifPresent(dir -> actions.add("delete local state in " + dir));
    return actions;
  }

  private static <T> T await(KafkaFuture<T> future, String what) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    }
  }
}
