package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.ExactRankings;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.it.support.PaperStreamGenerator;
import io.paperpulse.it.support.PapersTopic;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.ExpectedRankings;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import io.paperpulse.testsupport.TopicContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application as a separate process, killed with SIGKILL twice while a generated stream
 * of papers (inserts, updates, deletes) flows through it, and restarted each time. A read_committed
 * verifier then requires tag-counts to equal the counts recomputed from the final papers, and
 * trending-tags the rankings recomputed from those counts: exactly-once means nothing counted twice
 * and nothing missing, and the ranking index, rebuilt per ranking after every restart, agrees.
 */
@Tag(FaultTests.TAG)
class StreamsCrashTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(StreamsCrashTest.class);
  private static final String APP_ID = "crash-test";
  private static final int EVENTS = 6_000;
  private static final double EVENTS_PER_SECOND = 200;
  private static final int KILLS = 2;

  /**
   * Two granularities keep the run short: the changelog holds the day counts, and a restarted task
   * adds them up into the month counts (CountChangelog), so the kills check that too.
   */
  private static final String GRANULARITIES = "day,month";

  @TempDir Path workDir;

  @Test
  void killedTwiceWithSigkillWhilePapersFlowTheCountsStayExact() throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    PapersTopic.create(cluster.bootstrapServers(), topics, 3);
    Path streamsLog = Path.of("target", "crash-test-streams.log");
    Files.deleteIfExists(streamsLog);
    // The application's default commit interval, spelled out: it sets how much uncommitted work
    // each kill leaves to lose or double.
    Path clientConfig =
        Files.writeString(workDir.resolve("client.properties"), "commit.interval.ms=1000\n");
    List<String> args =
        connected(
            "streams",
            "--config",
            clientConfig.toString(),
            "--application-id",
            APP_ID,
            "--state-dir",
            workDir.resolve("state").toString(),
            "--partitions",
            "3",
            "--granularities",
            GRANULARITIES,
            // a static member: each restart gets the tasks back without waiting out the killed
            // member's session
            "--instance-id",
            "crash-test-1");

    Process streams = ChildJvm.start(streamsLog, args);
    List<Long> inFlightAtKill = new ArrayList<>();
    GenerateResult generated;
    try (Admin admin = Admin.create(client)) {
      GroupProgress progress = new GroupProgress(admin, APP_ID, topics.papers());
      progress.awaitGroupStable(Duration.ofMinutes(2));
      CompletableFuture<GenerateResult> generator =
          PaperStreamGenerator.start(
              client,
              registry.client(),
              GenerateOptions.of(topics.papers(), EVENTS, 20_240_101L).withRate(EVENTS_PER_SECOND));

      for (int kill = 1; kill <= KILLS; kill++) {
        // kill only once this incarnation has committed work of its own, so the crash lands
        // mid-stream
        progress.awaitCommittedBeyond(progress.committedInput(), Duration.ofSeconds(120));
        Thread.sleep(1_500);
        long inFlight = progress.inputLag();
        ChildJvm.kill(streams);
        inFlightAtKill.add(inFlight);
        log.info(
            "kill {}: SIGKILL with {} papers records not yet committed, generator done: {}",
            kill,
            inFlight,
            generator.isDone());
        streams = ChildJvm.start(streamsLog, args);
      }
      generated = generator.get(5, TimeUnit.MINUTES);
      Process running = streams;
      progress.awaitCaughtUp(Duration.ofMinutes(4), running::isAlive);
    } finally {
      ChildJvm.stop(streams);
    }

    assertThat(generated.failure()).isNull();
    assertThat(generated.inserts()).isGreaterThanOrEqualTo(5_000);
    assertThat(generated.updates()).isPositive();
    assertThat(generated.deletes()).isPositive();
    assertThat(inFlightAtKill).hasSize(KILLS);

    ExactCounts.Verdict verdict =
        ExactCounts.verify(
            client,
            registry.client(),
            topics,
            PaperTagger.withDefaultTaxonomy(),
            Granularity.parseList(GRANULARITIES));
    Map<String, PaperEvent> expectedPapers = generated.expected().finalPapers();
    assertThat(verdict.finalPapers()).as("final papers on the topic").hasSameSizeAs(expectedPapers);
    assertThat(verdict.finalPapers().keySet()).isEqualTo(expectedPapers.keySet());
    assertThat(verdict.differences()).as("tag-counts against recomputation").isEmpty();
    assertThat(verdict.actual()).isNotEmpty();
    Map<TrendingKey, List<ExpectedRankings.Ranked>> expectedRankings =
        ExpectedRankings.recompute(
            verdict.expected(),
            PaperPulseStreamsConfig.TRENDING_LOOKBACK_DEFAULT,
            PaperPulseStreamsConfig.TOP_N_DEFAULT);
    Map<TrendingKey, List<ExpectedRankings.Ranked>> rankings =
        ExactRankings.published(client, registry.client(), topics);
    assertThat(ExactRankings.differences(expectedRankings, rankings))
        .as("trending-tags against recomputation")
        .isEmpty();
    assertThat(TopicContents.readCommitted(client, topics.papersDlq()))
        .as("dead letters")
        .isEmpty();
    log.info(
        "crash figures: events {} (inserts {}, updates {}, deletes {}), kills {}, in flight at kills {},"
            + " live papers {}, tag-count keys verified {}, memberships counted {}, rankings verified {}",
        generated.events(),
        generated.inserts(),
        generated.updates(),
        generated.deletes(),
        KILLS,
        inFlightAtKill,
        verdict.finalPapers().size(),
        verdict.expected().size(),
        verdict.countedMemberships(),
        expectedRankings.size());
  }
}
