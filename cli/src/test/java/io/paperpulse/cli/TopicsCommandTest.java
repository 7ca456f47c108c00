package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.app.TopicProvisioner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** {@code paperpulse topics} against a real in-JVM broker; each test uses its own topic prefix. */
class TopicsCommandTest extends LocalClusterTestBase {

  private static final List<String> TOPICS =
      List.of(
          "papers",
          "papers-tagged",
          "tag-counts",
          "trending-tags",
          "top-papers",
          "trend-alerts",
          "papers-dlq");

  @Test
  void createsEveryTopicWithItsPartitionsAndCleanupPolicyThenVerifiesThem() throws Exception {
    CliRun create = topics("--topic-prefix", "a-", "--partitions", "2");

    assertThat(create.exitCode()).as(create.err()).isZero();
    assertThat(create.outLines())
        .hasSize(TOPICS.size())
        .allSatisfy(line -> assertThat(line).contains("created (2 partitions"));
    Map<String, TopicDescription> described =
        admin.describeTopics(prefixed("a-")).allTopicNames().get();
    assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
    assertThat(cleanupPolicy("a-papers")).isEqualTo("compact");
    assertThat(cleanupPolicy("a-papers-tagged")).isEqualTo("compact");
    assertThat(cleanupPolicy("a-tag-counts")).isEqualTo("compact");
    assertThat(cleanupPolicy("a-trending-tags")).isEqualTo("compact");
    assertThat(cleanupPolicy("a-top-papers")).isEqualTo("compact");
    assertThat(cleanupPolicy("a-trend-alerts")).isEqualTo("delete");
    assertThat(cleanupPolicy("a-papers-dlq")).isEqualTo("delete");

    CliRun verify = topics("--topic-prefix", "a-", "--partitions", "2", "--verify");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.outLines())
        .hasSize(TOPICS.size())
        .allSatisfy(line -> assertThat(line).endsWith("  ok"));

    CliRun again = topics("--topic-prefix", "a-", "--partitions", "2");
    assertThat(again.exitCode()).as("creating twice is harmless").isZero();
    assertThat(again.out()).doesNotContain("created");
  }

  @Test
  void verifyReportsMissingTopicsAndWrongLayoutsAndCreatesNothing() throws Exception {
    createTopic(
        new NewTopic("b-papers", 1, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));

    CliRun verify = topics("--topic-prefix", "b-", "--verify");

    assertThat(verify.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(line(verify, "b-papers "))
        .contains("partitions 1 (expected 3)", "cleanup.policy=delete (expected compact)");
    assertThat(line(verify, "b-papers-dlq")).contains("missing");
    assertThat(verify.err()).contains("7 of 7 topics");
    assertThat(topicsWithPrefix("b-")).containsExactly("b-papers");
  }

  @Test
  void createKeepsAnExistingTopicAsItIsAndReportsItsWrongPolicy() throws Exception {
    createTopic(
        new NewTopic("c-papers-dlq", 3, (short) 1)
            .configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

    CliRun create = topics("--topic-prefix", "c-");

    assertThat(create.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(line(create, "c-papers-dlq")).contains("cleanup.policy=compact (expected delete)");
    assertThat(line(create, "c-papers ")).contains("created");
    assertThat(create.err()).contains("1 of 7 topics");
    assertThat(cleanupPolicy("c-papers-dlq")).as("existing topic untouched").isEqualTo("compact");
  }

  @Test
  void moreReplicasThanBrokersFailsWithTheBrokersReason() {
    CliRun create = topics("--topic-prefix", "d-", "--replication-factor", "3");

    assertThat(create.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(create.err()).contains("topics:", "replication factor");
  }

  @Test
  void nonPositivePartitionCountIsAUsageError() {
    CliRun create = topics("--partitions", "0");

    assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(create.err()).contains("--partitions");
  }

  private static CliRun topics(String... options) {
    return CliRun.run(
        Map.of("PAPERPULSE_BOOTSTRAP_SERVERS", cluster.bootstrapServers()),
        Stream.concat(Stream.of("topics"), Arrays.stream(options)).toArray(String[]::new));
  }

  /** Creates a topic the way an operator would, and waits until the broker describes it. */
  private static void createTopic(NewTopic topic) throws Exception {
    admin.createTopics(List.of(topic)).all().get();
    new TopicProvisioner(admin).awaitVisible(List.of(topic.name()));
  }

  private static String line(CliRun run, String start) {
    return Arrays.stream(run.outLines())
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + start + " in:\n" + run.out()));
  }

  private static List<String> prefixed(String prefix) {
    return TOPICS.stream().map(topic -> prefix + topic).toList();
  }

  private static Set<String> topicsWithPrefix(String prefix) throws Exception {
    return admin.listTopics().names().get().stream()
        .filter(t -> t.startsWith(prefix))
        .collect(Collectors.toSet());
  }

  private static String cleanupPolicy(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get()
        .get(resource)
        .get(TopicConfig.CLEANUP_POLICY_CONFIG)
        .value();
  }
}
