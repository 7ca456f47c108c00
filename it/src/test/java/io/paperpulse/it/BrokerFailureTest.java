package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.it.support.PaperStreamGenerator;
import io.paperpulse.it.support.PapersTopic;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.TestRegistry;
import io.paperpulse.testsupport.TopicContents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three brokers, every topic replicated three times with {@code min.insync.replicas=2}: one broker
 * is stopped while papers are produced and processed (exactly-once), then started again. The
 * producer loses nothing and tag-counts are exact against recomputation.
 */
@Tag(FaultTests.TAG)
class BrokerFailureTest {

  private static final Logger log = LoggerFactory.getLogger(BrokerFailureTest.class);
  private static final String APP_ID = "broker-failure";
  private static final List<Granularity> GRANULARITIES = List.of(Granularity.MONTH);
  private static final int EVENTS = 1_000;

  private static KafkaClusterTestKit cluster;
  private static TestRegistry registry;

  @TempDir Path stateDir;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(false)
                    .setNumBrokerNodes(3)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("default.replication.factor", "3")
            .setConfigProp("min.insync.replicas", "2")
            .setConfigProp("offsets.topic.replication.factor", "3")
            .setConfigProp("transaction.state.log.replication.factor", "3")
            .setConfigProp("transaction.state.log.min.isr", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    registry = new TestRegistry();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void oneOfThreeBrokersStoppedAndRestartedMidStreamLosesNothingAndCountsStayExact()
      throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    PapersTopic.create(
        cluster.bootstrapServers(), topics, 3, 3, Map.of("min.insync.replicas", "2"));
    Tagger tagger = PaperTagger.withDefaultTaxonomy();
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                APP_ID,
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                3,
                PaperPulseStreamsConfig.REPLICATION_FACTOR_CONFIG,
                3,
                PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                GRANULARITIES));

    GenerateResult generated;
    int stoppedBroker;
    long inFlightAtStop;
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, tagger);
        Admin admin = Admin.create(client)) {
      app.start();
      GroupProgress progress = new GroupProgress(admin, APP_ID, topics.papers());
      progress.awaitGroupStable(Duration.ofMinutes(2));
      CompletableFuture<GenerateResult> generator =
          PaperStreamGenerator.start(
              client,
              registry.client(),
              GenerateOptions.of(topics.papers(), EVENTS, 42L).withRate(60));

      progress.awaitCommittedBeyond(0, Duration.ofMinutes(2));
      // the broker leading most partitions of papers, so the failure moves leadership under load
      stoppedBroker =
          admin
              .describeTopics(List.of(topics.papers()))
              .allTopicNames()
              .get()
              .get(topics.papers())
              .partitions()
              .get(0)
              .leader()
              .id();
      inFlightAtStop = progress.inputLag();
      assertThat(generator.isDone())
          .as("producer still publishing when the broker stops")
          .isFalse();
      BrokerServer broker = cluster.brokers().get(stoppedBroker);
      broker.shutdown();
      broker.awaitShutdown();
      log.info(
          "broker {} stopped with {} papers records not yet committed; generator done: {}",
          stoppedBroker,
          inFlightAtStop,
          generator.isDone());
      Thread.sleep(4_000);
      broker.startup();
      log.info("broker {} started again", stoppedBroker);

      generated = generator.get(4, TimeUnit.MINUTES);
      progress.awaitCaughtUp(Duration.ofMinutes(3), () -> app.state().isRunningOrRebalancing());
      assertThat(app.state().isRunningOrRebalancing()).as("application still running").isTrue();
    }

    assertThat(generated.failure()).isNull();
    ExactCounts.Verdict verdict =
        ExactCounts.verify(client, registry.client(), topics, tagger, GRANULARITIES);
    Map<String, PaperEvent> expectedPapers = generated.expected().finalPapers();
    assertThat(verdict.finalPapers())
        .as("final papers on the topic: the producer lost nothing")
        .isEqualTo(expectedPapers);
    assertThat(verdict.differences()).as("tag-counts against recomputation").isEmpty();
    assertThat(verdict.actual()).isNotEmpty();
    assertThat(TopicContents.readCommitted(client, topics.papersDlq()))
        .as("dead letters")
        .isEmpty();
    log.info(
        "broker failure figures: events {} (inserts {}, updates {}, deletes {}), broker {} stopped for 4 s with {}"
            + " records in flight, live papers {}, tag-count keys verified {}",
        generated.events(),
        generated.inserts(),
        generated.updates(),
        generated.deletes(),
        stoppedBroker,
        inFlightAtStop,
        verdict.finalPapers().size(),
        verdict.expected().size());
  }
}
