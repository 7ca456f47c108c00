package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.producer.sample.BundledSample;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.app.TopicProvisioner;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.Consumers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code paperpulse reset} against a real in-JVM broker. Most tests play one application (its own
 * id and topic prefix) with the footprint a Kafka Streams application leaves: committed input
 * offsets, changelog and repartition topics, a state directory; and a neighbour whose id extends
 * it, whose topics look like its own and must survive. The last one runs the real application
 * before and after a reset.
 */
class ResetCommandTest extends LocalClusterTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int INPUT_RECORDS = 3;

  @Test
  void withYesRewindsOffsetsDeletesInternalTopicsAndLocalStateOfThatApplicationOnly()
      throws Exception {
    Path stateDir = workDir.resolve("state-a");
    leaveFootprint("app-a", stateDir);
    leaveFootprint("app-a-other", stateDir);

    CliRun reset = reset("app-a", stateDir, "--yes");

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.outLines())
        .containsExactly(
            "done: rewind consumer group 'app-a' to the earliest offsets of app-a.papers (input topics are read "
                + "again from the beginning)",
            "done: delete internal topic app-a-paper-tags-changelog",
            "done: delete internal topic app-a-tag-deltas-repartition",
            "done: delete local state in " + stateDir.resolve("app-a"));
    assertThat(committed("app-a", "app-a.papers")).isZero();
    assertThat(committed("app-a-other", "app-a-other.papers")).isEqualTo(INPUT_RECORDS);
    awaitTopics(
        topics ->
            !topics.contains("app-a-paper-tags-changelog")
                && !topics.contains("app-a-tag-deltas-repartition"));
    assertThat(topics())
        .contains(
            "app-a.papers",
            "app-a.tag-counts",
            "app-a-other-paper-tags-changelog",
            "app-a-other-tag-deltas-repartition");
    assertThat(stateDir.resolve("app-a").resolve("0_0")).doesNotExist();
    assertThat(stateDir.resolve("app-a-other").resolve("0_0").resolve("rocksdb")).exists();

    CliRun again = reset("app-a", stateDir, "--yes");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("nothing to reset");
  }

  @Test
  void withoutYesListsWhatItWouldDoExitsTwoAndChangesNothing() throws Exception {
    Path stateDir = workDir.resolve("state-b");
    leaveFootprint("app-b", stateDir);

    CliRun reset = reset("app-b", stateDir);

    assertThat(reset.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(reset.err())
        .contains(
            "--yes",
            "rewind consumer group 'app-b' to the earliest offsets of app-b.papers",
            "delete internal topic app-b-paper-tags-changelog",
            "delete local state in");
    assertThat(reset.out()).isEmpty();
    assertThat(committed("app-b", "app-b.papers")).isEqualTo(INPUT_RECORDS);
    assertThat(topics()).contains("app-b-paper-tags-changelog");
    assertThat(stateDir.resolve("app-b").resolve("0_0")).isDirectory();
  }

  @Test
  void refusesWhileAnInstanceIsConnectedEvenWithYes() throws Exception {
    Path stateDir = workDir.resolve("state-c");
    leaveFootprint("app-c", stateDir);
    try (KafkaConsumer<byte[], byte[]> running = consumer("app-c")) {
      running.subscribe(List.of("app-c.papers"));
      Consumers.awaitAssignment(running, Duration.ofSeconds(30));

      CliRun reset = reset("app-c", stateDir, "--yes");

      assertThat(reset.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(reset.err()).contains("is running", "stop every instance first");
    }
    assertThat(committed("app-c", "app-c.papers")).isEqualTo(INPUT_RECORDS);
    assertThat(topics()).contains("app-c-paper-tags-changelog");
    assertThat(stateDir.resolve("app-c").resolve("0_0")).isDirectory();
  }

  /**
   * Kafka's tool, given no internal topic to delete, would delete the neighbour's topics in their
   * place.
   */
  @Test
  void refusesToRewindWhenOnlyAnotherApplicationsTopicsLookInternal() throws Exception {
    Path stateDir = workDir.resolve("state-d");
    leaveFootprint("app-d-other", stateDir);
    leaveFootprint("app-d", stateDir);
    admin
        .deleteTopics(List.of("app-d-paper-tags-changelog", "app-d-tag-deltas-repartition"))
        .all()
        .get();
    awaitTopics(
        topics ->
            !topics.contains("app-d-paper-tags-changelog")
                && !topics.contains("app-d-tag-deltas-repartition"));

    CliRun reset = reset("app-d", stateDir, "--yes");

    assertThat(reset.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(reset.err())
        .contains(
            "would delete app-d-other-paper-tags-changelog, "
                + "app-d-other-tag-deltas-repartition",
            "kafka-consumer-groups.sh");
    assertThat(committed("app-d", "app-d.papers")).isEqualTo(INPUT_RECORDS);
    assertThat(topics())
        .contains("app-d-other-paper-tags-changelog", "app-d-other-tag-deltas-repartition");
    assertThat(stateDir.resolve("app-d").resolve("0_0")).isDirectory();
  }

  @Test
  void theApplicationStartedAfterAResetReprocessesItsInputIntoTheSameCounts() throws Exception {
    Path sample = workDir.resolve(BundledSample.NAME);
    try (InputStream in = BundledSample.open()) {
      Files.copy(in, sample);
    }
    Path stateDir = workDir.resolve("state-e");
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.schemaRegistryUrl(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "app-e",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "app-e."));
    Tagger tagger = PaperTagger.withDefaultTaxonomy();
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger)) {
      app.start();
      CliRun produce =
          CliRun.run(
              connection(),
              "produce",
              "--topic-prefix",
              "app-e.",
              "--as-of",
              BundledSample.asOf().toString(),
              sample.toString());
      assertThat(produce.exitCode()).as(produce.err()).isZero();
      AppWait.caughtUp(app, TIMEOUT);
    }
    List<JsonNode> firstRun = consume("app-e.", "tag-counts");
    Map<String, JsonNode> counts = latest(firstRun);
    assertThat(counts).hasSizeGreaterThan(100);
    Set<String> internalTopics =
        topics().stream().filter(topic -> topic.startsWith("app-e-")).collect(Collectors.toSet());
    assertThat(internalTopics)
        .contains(
            "app-e-paper-tags-changelog",
            "app-e-tag-deltas-repartition",
            "app-e-ranking-parts-repartition");

    CliRun reset =
        CliRun.run(
            connection(),
            "reset",
            "--application-id",
            "app-e",
            "--topic-prefix",
            "app-e.",
            "--state-dir",
            stateDir.toString(),
            "--yes");

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.out())
        .contains("done: rewind consumer group 'app-e' to the earliest offsets of app-e.papers");
    awaitTopics(topics -> topics.stream().noneMatch(internalTopics::contains));
    // the broker drops the offsets committed on deleted topics soon after deleting them
    Map<TopicPartition, OffsetAndMetadata> offsets =
        awaitOffsets(
            "app-e",
            committed ->
                committed.keySet().stream().allMatch(p -> p.topic().equals("app-e.papers")));
    assertThat(offsets).hasSize(3);
    offsets.forEach(
        (partition, offset) -> assertThat(offset.offset()).as("%s", partition).isZero());
    assertThat(taskDirectories(stateDir.resolve("app-e"))).isEmpty();

    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger)) {
      app.start();
      AppWait.caughtUp(app, TIMEOUT);
    }
    Map<Integer, Long> firstRunEnd = new HashMap<>();
    firstRun.forEach(
        record ->
            firstRunEnd.merge(
                record.get("partition").asInt(), record.get("offset").asLong(), Math::max));
    List<JsonNode> secondRun =
        consume("app-e.", "tag-counts").stream()
            .filter(
                record ->
                    record.get("offset").asLong()
                        > firstRunEnd.getOrDefault(record.get("partition").asInt(), -1L))
            .toList();
    // Every count is written again from nothing: restored state or input not rewound would give
    // other counts.
    assertThat(latest(secondRun)).isEqualTo(counts);
  }

  /**
   * Records on the input with the group's offsets committed past them, the two internal topics that
   * the topology names first, an output topic and a state directory with one task.
   */
  private static void leaveFootprint(String applicationId, Path stateDir) throws Exception {
    String input = applicationId + ".papers";
    List<NewTopic> created =
        List.of(
            new NewTopic(input, 1, (short) 1),
            new NewTopic(applicationId + ".tag-counts", 1, (short) 1),
            new NewTopic(applicationId + "-paper-tags-changelog", 1, (short) 1),
            new NewTopic(applicationId + "-tag-deltas-repartition", 1, (short) 1));
    admin.createTopics(created).all().get();
    // the reset lists topics from the broker's metadata, which learns of new topics a moment later
    new TopicProvisioner(admin).awaitVisible(created.stream().map(NewTopic::name).toList());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            cluster.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < INPUT_RECORDS; i++) {
        producer.send(new ProducerRecord<>(input, ("paper-" + i).getBytes(), new byte[0])).get();
      }
    }
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(applicationId)) {
      TopicPartition partition = new TopicPartition(input, 0);
      consumer.assign(List.of(partition));
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(INPUT_RECORDS)));
    }
    Path store =
        Files.createDirectories(stateDir.resolve(applicationId).resolve("0_0").resolve("rocksdb"));
    Files.writeString(store.resolve("CURRENT"), "MANIFEST-000001\n");
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String groupId) {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The group's committed offset on partition 0 of {@code topic}. */
  private static long committed(String groupId, String topic) throws Exception {
    OffsetAndMetadata offset =
        admin
            .listConsumerGroupOffsets(groupId)
            .partitionsToOffsetAndMetadata()
            .get()
            .get(new TopicPartition(topic, 0));
    assertThat(offset).as("offset of %s on %s", groupId, topic).isNotNull();
    return offset.offset();
  }

  private static CliRun reset(String applicationId, Path stateDir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "reset",
                "--application-id",
                applicationId,
                "--topic-prefix",
                applicationId + ".",
                "--state-dir",
                stateDir.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(
        Map.of("PAPERPULSE_BOOTSTRAP_SERVERS", cluster.bootstrapServers()),
        args.toArray(String[]::new));
  }

  private static Set<String> topics() throws Exception {
    return admin.listTopics().names().get();
  }

  /** Topic deletion completes asynchronously on the broker. */
  private static void awaitTopics(Predicate<Set<String>> condition) {
    await("topics deleted")
        .atMost(Duration.ofSeconds(15))
        .until(ResetCommandTest::topics, condition);
  }

  private static Map<TopicPartition, OffsetAndMetadata> awaitOffsets(
      String groupId, Predicate<Map<TopicPartition, OffsetAndMetadata>> condition) {
    return await("offsets of " + groupId)
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(),
            condition);
  }

  /** Kafka Streams keeps a task's stores in a directory named by its task id, such as 0_1. */
  private static List<Path> taskDirectories(Path applicationState) throws Exception {
    if (!Files.isDirectory(applicationState)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(applicationState)) {
      return entries.filter(entry -> entry.getFileName().toString().matches("\\d+_\\d+")).toList();
    }
  }

  private static List<JsonNode> consume(String prefix, String topic) throws Exception {
    return CliRun.consume(
        connection(), "--topic-prefix", prefix, "--topic", topic, "--idle-timeout", "3s");
  }

  /** The latest value of every key, as the upsert topic means it. */
  private static Map<String, JsonNode> latest(List<JsonNode> records) {
    Map<String, JsonNode> latest = new HashMap<>();
    records.forEach(record -> latest.put(record.get("key").toString(), record.get("value")));
    return latest;
  }
}
