package io.paperpulse.cli.reset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resets a streams application to its first start, as Kafka's streams reset tool does: without committed
 * offsets it reads its input topics from the beginning (Kafka Streams' {@code auto.offset.reset} is
 * earliest), without internal topics and local state it rebuilds every store from that input. Output topics
 * are kept: they are upsert topics, and reprocessing rewrites the latest value of every key.
 */
public final class ApplicationReset {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationReset.class);

    private final Admin admin;

    public ApplicationReset(Admin admin) {
        this.admin = admin;
    }

    /** Finds what a reset would remove; changes nothing. */
    public ResetPlan plan(String applicationId, Path stateDir) throws InterruptedException {
        Collection<GroupListing> groups = await(admin.listGroups().all(), "list groups");
        Optional<ApplicationGroup> group = describeGroup(applicationId, groups);
        Set<String> groupIds = groups.stream().map(GroupListing::groupId).collect(Collectors.toSet());
        List<String> internalTopics = new InternalTopics(applicationId, groupIds)
                .among(await(admin.listTopics().names(), "list topics"));
        Path localState = stateDir.resolve(applicationId);
        return new ResetPlan(applicationId, group, internalTopics,
                Files.isDirectory(localState) ? Optional.of(localState) : Optional.empty());
    }

    /**
     * Carries out a plan whose application is not running. The group goes first: should that fail (an instance
     * started in between), nothing else has been touched yet.
     */
    public void execute(ResetPlan plan) throws InterruptedException {
        if (plan.applicationRunning()) {
            throw new IllegalStateException("application '" + plan.applicationId() + "' is running");
        }
        if (plan.group().isPresent()) {
            List<String> group = List.of(plan.applicationId());
            KafkaFuture<Void> deleted = plan.group().get().type() == GroupType.STREAMS
                    ? admin.deleteStreamsGroups(group).all()
                    : admin.deleteConsumerGroups(group).all();
            await(deleted, "delete group '" + plan.applicationId() + "'");
            LOG.info("deleted group {}", plan.applicationId());
        }
        if (!plan.internalTopics().isEmpty()) {
            await(admin.deleteTopics(plan.internalTopics()).all(), "delete internal topics");
            LOG.info("deleted internal topics {}", plan.internalTopics());
        }
        plan.localState().ifPresent(ApplicationReset::deleteRecursively);
    }

    private Optional<ApplicationGroup> describeGroup(String applicationId, Collection<GroupListing> groups)
            throws InterruptedException {
        Optional<GroupListing> listing = groups.stream().filter(g -> g.groupId().equals(applicationId)).findFirst();
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        GroupType type = listing.get().type().orElse(GroupType.CLASSIC);
        if (type == GroupType.STREAMS) {
            StreamsGroupDescription description =
                    await(admin.describeStreamsGroups(List.of(applicationId)).describedGroups().get(applicationId),
                            "describe group '" + applicationId + "'");
            Map<TopicPartition, OffsetAndMetadata> offsets = await(admin.listStreamsGroupOffsets(
                    Map.of(applicationId, new ListStreamsGroupOffsetsSpec())).partitionsToOffsetAndMetadata(applicationId),
                    "list offsets of group '" + applicationId + "'");
            return Optional.of(new ApplicationGroup(type, description.groupState().toString(),
                    !description.members().isEmpty(), topicsOf(offsets)));
        }
        ConsumerGroupDescription description =
                await(admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId),
                        "describe group '" + applicationId + "'");
        Map<TopicPartition, OffsetAndMetadata> offsets = await(
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata(),
                "list offsets of group '" + applicationId + "'");
        return Optional.of(new ApplicationGroup(type, description.groupState().toString(),
                !description.members().isEmpty(), topicsOf(offsets)));
    }

    private static List<String> topicsOf(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            // Children before parents.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            LOG.info("deleted local state {}", directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + directory + ": " + e.getMessage(), e);
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
