package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.app.TopicProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code paperpulse reset} against a real in-JVM broker. Each test plays one application (its own id) with the
 * footprint a Kafka Streams application leaves: committed offsets, changelog and repartition topics, a state
 * directory; and neighbours that must survive (another application's topics and state, the output topics).
 */
class ResetCommandTest extends LocalClusterTestBase {

    @Test
    void withYesDeletesGroupInternalTopicsAndLocalStateOfThatApplicationOnly() throws Exception {
        Path stateDir = workDir.resolve("state-a");
        leaveFootprint("app-a", stateDir);
        leaveFootprint("app-a-other", stateDir);

        CliRun reset = reset("app-a", stateDir, "--yes");

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("done: delete consumer group 'app-a'", "on app-a-papers",
                "done: delete internal topic app-a-paper-tags-changelog",
                "done: delete internal topic app-a-tag-deltas-repartition",
                "done: delete local state directory");
        assertThat(groupIds()).doesNotContain("app-a").contains("app-a-other");
        awaitTopics(topics -> !topics.contains("app-a-paper-tags-changelog")
                && !topics.contains("app-a-tag-deltas-repartition"));
        assertThat(topics()).contains("app-a-papers", "app-a-tag-counts",
                "app-a-other-paper-tags-changelog", "app-a-other-tag-deltas-repartition");
        assertThat(stateDir.resolve("app-a")).doesNotExist();
        assertThat(stateDir.resolve("app-a-other").resolve("0_0").resolve("rocksdb")).exists();

        CliRun again = reset("app-a", stateDir, "--yes");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to reset");
    }

    @Test
    void withoutYesListsWhatItWouldDeleteExitsTwoAndChangesNothing() throws Exception {
        Path stateDir = workDir.resolve("state-b");
        leaveFootprint("app-b", stateDir);

        CliRun reset = reset("app-b", stateDir);

        assertThat(reset.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reset.err()).contains("--yes", "delete consumer group 'app-b'",
                "delete internal topic app-b-paper-tags-changelog", "delete local state directory");
        assertThat(reset.out()).isEmpty();
        assertThat(groupIds()).contains("app-b");
        assertThat(topics()).contains("app-b-paper-tags-changelog");
        assertThat(stateDir.resolve("app-b")).isDirectory();
    }

    @Test
    void refusesWhileAnInstanceIsConnectedEvenWithYes() throws Exception {
        Path stateDir = workDir.resolve("state-c");
        leaveFootprint("app-c", stateDir);
        try (KafkaConsumer<byte[], byte[]> running = consumer("app-c")) {
            running.subscribe(List.of("app-c-papers"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (running.assignment().isEmpty() && System.nanoTime() < deadline) {
                running.poll(Duration.ofMillis(200));
            }
            assertThat(running.assignment()).as("member joined").isNotEmpty();

            CliRun reset = reset("app-c", stateDir, "--yes");

            assertThat(reset.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(reset.err()).contains("is running", "stop every instance first");
        }
        assertThat(topics()).contains("app-c-paper-tags-changelog");
        assertThat(stateDir.resolve("app-c")).isDirectory();
    }

    /** Committed offsets on the input, two internal topics, output topics and a state directory. */
    private static void leaveFootprint(String applicationId, Path stateDir) throws Exception {
        String input = applicationId + "-papers";
        List<NewTopic> created = List.of(
                new NewTopic(input, 1, (short) 1),
                new NewTopic(applicationId + "-tag-counts", 1, (short) 1),
                new NewTopic(applicationId + "-paper-tags-changelog", 1, (short) 1),
                new NewTopic(applicationId + "-tag-deltas-repartition", 1, (short) 1));
        admin.createTopics(created).all().get();
        // the reset lists topics from the broker's metadata, which learns of new topics a moment later
        new TopicProvisioner(admin).awaitVisible(created.stream().map(NewTopic::name).toList());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(applicationId)) {
            TopicPartition partition = new TopicPartition(input, 0);
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));
        }
        Path store = Files.createDirectories(stateDir.resolve(applicationId).resolve("0_0").resolve("rocksdb"));
        Files.writeString(store.resolve("CURRENT"), "MANIFEST-000001\n");
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String groupId) {
        Map<String, Object> config = new HashMap<>(cluster.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static CliRun reset(String applicationId, Path stateDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("reset", "--application-id", applicationId,
                "--state-dir", stateDir.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(Map.of("PAPERPULSE_BOOTSTRAP_SERVERS", cluster.bootstrapServers()), args.toArray(String[]::new));
    }

    private static Set<String> groupIds() throws Exception {
        return admin.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
    }

    private static Set<String> topics() throws Exception {
        return admin.listTopics().names().get();
    }

    /** Topic deletion completes asynchronously on the broker. */
    private static void awaitTopics(Predicate<Set<String>> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.test(topics())) {
            assertThat(System.nanoTime()).as("topics deleted in time: " + topics()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
