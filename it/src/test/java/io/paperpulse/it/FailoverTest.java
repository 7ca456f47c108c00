package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.it.support.PaperStreamGenerator;
import io.paperpulse.it.support.PapersTopic;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.topology.PaperPulseTopology;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances share the work with one standby replica each; one (a separate JVM) is killed with
 * SIGKILL, and the survivor takes over all tasks and answers tag-count queries from its own stores
 * with the exact counts, including papers published after the kill.
 */
@Tag(FaultTests.TAG)
class FailoverTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(FailoverTest.class);
  private static final String APP_ID = "failover-test";
  private static final int PARTITIONS = 4;
  private static final List<Granularity> GRANULARITIES = List.of(Granularity.MONTH);

  /**
   * The broker's smallest allowed session: the dead member is noticed within seconds, not the
   * default 45.
   */
  private static final Map<String, String> FAST_FAILURE_DETECTION =
      Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");

  @TempDir Path workDir;

  @Test
  void survivorTakesOverTheKilledInstancesTasksAndKeepsAnsweringExactCounts() throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    PapersTopic.create(cluster.bootstrapServers(), topics, PARTITIONS);
    StringBuilder properties = new StringBuilder();
    FAST_FAILURE_DETECTION.forEach(
        (key, value) -> properties.append(key).append('=').append(value).append('\n'));
    Path clientConfig = Files.writeString(workDir.resolve("client.properties"), properties);
    Path childLog = Path.of("target", "failover-test-streams.log");
    Files.deleteIfExists(childLog);
    // no --num-standby-replicas: the command's default is what is under test
    List<String> childArgs =
        connected(
            "streams",
            "--config",
            clientConfig.toString(),
            "--application-id",
            APP_ID,
            "--state-dir",
            workDir.resolve("child").toString(),
            "--partitions",
            Integer.toString(PARTITIONS),
            "--granularities",
            "month",
            "--http-port",
            "0");

    Tagger tagger = PaperTagger.withDefaultTaxonomy();
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
                cluster.bootstrapServers(),
                registry.url(),
                workDir.resolve("survivor"),
                Map.of(
                    PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                    APP_ID,
                    PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                    PARTITIONS,
                    PaperPulseStreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                    1,
                    PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                    GRANULARITIES))
            .with(FAST_FAILURE_DETECTION);

    Process child = ChildJvm.start(childLog, childArgs);
    try (PaperPulseStreamsApp survivor = new PaperPulseStreamsApp(config, tagger);
        Admin admin = Admin.create(client)) {
      survivor.start();
      GroupProgress progress = new GroupProgress(admin, APP_ID, topics.papers());
      awaitMembers(admin, 2, Duration.ofMinutes(2));

      GenerateResult before =
          PaperStreamGenerator.start(
                  client, registry.client(), GenerateOptions.of(topics.papers(), 300, 7L))
              .get(2, TimeUnit.MINUTES);
      progress.awaitCaughtUp(Duration.ofMinutes(2), child::isAlive);
      AppWait.running(survivor, Duration.ofMinutes(1));
      int activeShared = activeTasks(survivor);
      int standbys = standbyTasks(survivor);
      int totalTasks = totalTasks(survivor, tagger);
      assertThat(activeShared)
          .as("active tasks on the survivor while both run")
          .isPositive()
          .isLessThan(totalTasks);
      assertThat(standbys).as("standby tasks on the survivor while both run").isPositive();

      ChildJvm.kill(child);
      long killedAt = System.nanoTime();
      GenerateResult after =
          PaperStreamGenerator.start(
                  client, registry.client(), GenerateOptions.of(topics.papers(), 200, 8L))
              .get(2, TimeUnit.MINUTES);
      await("survivor took over every task")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  survivor.state() == KafkaStreams.State.RUNNING
                      && activeTasks(survivor) == totalTasks);
      long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
      progress.awaitCaughtUp(
          Duration.ofMinutes(2), () -> survivor.state().isRunningOrRebalancing());

      ExactCounts.Verdict verdict =
          ExactCounts.verify(client, registry.client(), topics, tagger, GRANULARITIES);
      assertThat(verdict.differences()).as("tag-counts topic against recomputation").isEmpty();
      List<String> wrongAnswers = new ArrayList<>();
      for (Map.Entry<TagCountKey, ExpectedCounts.Totals> expected : verdict.expected().entrySet()) {
        TagCountKey key = expected.getKey();
        Optional<TagCount> answer =
            survivor.queries().tagCount(key.getTag(), Granularity.MONTH, key.getBucketStart());
        ExpectedCounts.Totals got =
            answer.map(count -> ExpectedCounts.Totals.of(count)).orElse(null);
        if (!expected.getValue().equals(got)) {
          wrongAnswers.add(key + ": expected " + expected.getValue() + ", answered " + got);
        }
      }
      assertThat(wrongAnswers).as("queries answered by the survivor").isEmpty();
      assertThat(verdict.expected()).isNotEmpty();
      assertThat(survivor.queries().latest(Granularity.MONTH)).as("latest ranking").isPresent();
      log.info(
          "fail-over figures: events {} before and {} after the kill, tasks {} (survivor held {} active and {}"
              + " standby before), takeover {} ms, {} tag-count keys answered exactly",
          before.events(),
          after.events(),
          totalTasks,
          activeShared,
          standbys,
          takeoverMillis,
          verdict.expected().size());
    } finally {
      ChildJvm.kill(child);
    }
  }

  private static void awaitMembers(Admin admin, int members, Duration timeout) {
    await(APP_ID + " with " + members + " members")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        // no group until the first member joins
        .ignoreExceptionsInstanceOf(ExecutionException.class)
        .until(
            () -> {
              var group = admin.describeConsumerGroups(Set.of(APP_ID)).all().get().get(APP_ID);
              return group.groupState() == GroupState.STABLE && group.members().size() == members;
            });
  }

  private static int activeTasks(PaperPulseStreamsApp app) {
    return app.streams().metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.activeTasks().size())
        .sum();
  }

  private static int standbyTasks(PaperPulseStreamsApp app) {
    return app.streams().metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.standbyTasks().size())
        .sum();
  }

  /**
   * Sub-topologies times partitions: every sub-topology here reads topics of {@link #PARTITIONS}
   * partitions.
   */
  private static int totalTasks(PaperPulseStreamsApp app, Tagger tagger) {
    int subtopologies =
        PaperPulseTopology.build(
                new StreamsBuilder(), app.config(), app.config().topics(), app.serdes(), tagger)
            .describe()
            .subtopologies()
            .size();
    return PARTITIONS * subtopologies;
  }
}
