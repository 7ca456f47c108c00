package io.paperpulse.cli.reset;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Recognises the topics Kafka Streams creates for an application: {@code <application.id>-<name>-changelog}
 * backing state stores, {@code -repartition} between sub-topologies, and the two topics of foreign-key joins.
 * They hold derived state only, so a reset may delete them; the application recreates them on start.
 *
 * <p>The name pattern alone is ambiguous: {@code paperpulse-test-x-changelog} may belong to application
 * {@code paperpulse} or to {@code paperpulse-test}. Topics of any other application known on the cluster (by its
 * group) whose id extends this one are therefore left out.
 *
 * @param otherApplicationIds ids of the other groups on the cluster
 */
public record InternalTopics(String applicationId, Set<String> otherApplicationIds) {

    private static final List<String> SUFFIXES = List.of("-changelog", "-repartition",
            "-subscription-registration-topic", "-subscription-response-topic");

    public InternalTopics {
        otherApplicationIds = Set.copyOf(otherApplicationIds);
    }

    public boolean isInternal(String topic) {
        return belongsTo(applicationId, topic) && SUFFIXES.stream().anyMatch(topic::endsWith)
                && otherApplicationIds.stream()
                        .filter(other -> !other.equals(applicationId) && belongsTo(applicationId, other))
                        .noneMatch(longer -> belongsTo(longer, topic));
    }

    /** The internal topics among {@code topics}, sorted. */
    public List<String> among(Collection<String> topics) {
        return topics.stream().filter(this::isInternal).sorted().toList();
    }

    private static boolean belongsTo(String id, String name) {
        return name.startsWith(id + "-");
    }
}
