package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.it.support.PaperStreamGenerator;
import io.paperpulse.it.support.PapersTopic;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streams process killed with SIGKILL and started again (same instance id, same state directory)
 * processes new papers again within {@link #BOUND}: as a static member it gets its tasks back
 * without the group waiting out the killed member's session (45 s), and under exactly-once it
 * restores its stores from their changelogs and rebuilds the score index.
 */
@Tag(FaultTests.TAG)
class RestartAfterKillTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(RestartAfterKillTest.class);
  private static final String APP_ID = "restart-test";
  private static final int EVENTS = 3_000;
  private static final int EVENTS_AFTER_KILL = 100;

  /**
   * From starting the new process to every paper published meanwhile committed, JVM start included.
   */
  private static final Duration BOUND = Duration.ofSeconds(15);

  @TempDir Path workDir;

  @Test
  void aKilledInstanceStartedAgainProcessesWithinTheBound() throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    TopicNames topics = TopicNames.unprefixed();
    PapersTopic.create(cluster.bootstrapServers(), topics, 1);
    publish(client, topics, EVENTS, 1L);
    Path streamsLog = Path.of("target", "restart-test-streams.log");
    Files.deleteIfExists(streamsLog);
    List<String> args =
        connected(
            "streams",
            "--application-id",
            APP_ID,
            "--instance-id",
            "restart-test-1",
            "--state-dir",
            workDir.resolve("state").toString(),
            "--partitions",
            "1",
            "--http-port",
            "0");

    Process streams = ChildJvm.start(streamsLog, args);
    try (Admin admin = Admin.create(client)) {
      GroupProgress progress = new GroupProgress(admin, APP_ID, topics.papers());
      Process first = streams;
      progress.awaitCaughtUp(Duration.ofMinutes(3), first::isAlive);
      ChildJvm.kill(streams);
      long committed = progress.committedInput();
      publish(client, topics, EVENTS_AFTER_KILL, 2L);

      long restarted = System.nanoTime();
      streams = ChildJvm.start(streamsLog, args);
      progress.awaitCommittedBeyond(committed + EVENTS_AFTER_KILL - 1, Duration.ofMinutes(2));
      Duration resumed = Duration.ofNanos(System.nanoTime() - restarted);
      log.info(
          "restart after SIGKILL: {} ms until the {} papers published meanwhile were committed",
          resumed.toMillis(),
          EVENTS_AFTER_KILL);
      assertThat(resumed)
          .as("time from restart to the new papers committed")
          .isLessThanOrEqualTo(BOUND);
    } finally {
      ChildJvm.stop(streams);
    }
  }

  private static void publish(Map<String, Object> client, TopicNames topics, int events, long seed)
      throws Exception {
    GenerateResult result =
        PaperStreamGenerator.start(
                client, registry.client(), GenerateOptions.of(topics.papers(), events, seed))
            .get(2, TimeUnit.MINUTES);
    assertThat(result.failure()).isNull();
  }
}
