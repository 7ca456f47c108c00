package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import io.paperpulse.testsupport.TopicContents;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paperpulse produce} of a large JSON Lines file, killed with SIGKILL while it is writing,
 * then run again on the same file: read_committed consumers never see the killed run's records, and
 * afterwards see every paper exactly once with the file's content.
 */
@Tag(FaultTests.TAG)
class ProducerInterruptedTest extends SingleBrokerTestBase {

  private static final Logger log = LoggerFactory.getLogger(ProducerInterruptedTest.class);
  private static final int PAPERS = 5_000;
  private static final int PARTITIONS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  /** Writes the input file; returns the expected title per paper id. */
  private static Map<String, String> writePapers(Path file) throws Exception {
    Map<String, String> titles = new LinkedHashMap<>();
    String filler =
        "We measure how the method behaves under load and report every figure. ".repeat(15);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < PAPERS; i++) {
        String id = String.format("2401.%05d", i);
        String title = "Interrupted publishing study number " + i;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id + "v2");
        line.put("title", title);
        line.put("abstract", filler + i);
        line.put("publishedAt", "2024-01-" + String.format("%02d", 1 + i % 28));
        line.put("upvotes", i % 50);
        out.write(JSON.writeValueAsString(line));
        out.newLine();
        titles.put(id, title);
      }
    }
    return titles;
  }

  private static long endOffsets(Admin admin, String topic, IsolationLevel isolation)
      throws Exception {
    Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      wanted.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin
        .listOffsets(wanted, new ListOffsetsOptions(isolation))
        .all()
        .get()
        .values()
        .stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  @Test
  void killedMidFileAndRunAgainEachPaperIsPublishedOnce() throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
    String topic = "papers";
    Path input = workDir.resolve("papers.jsonl");
    Map<String, String> titles = writePapers(input);
    Path childLog = Path.of("target", "producer-interrupted.log");
    Files.deleteIfExists(childLog);
    List<String> args =
        connected("produce", "--topic", topic, "--format", "jsonl", input.toString());

    long writtenAtKill;
    long visibleAfterKill;
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
      Process first = ChildJvm.start(childLog, args);
      // kill as soon as part of the file is in the log, uncommitted
      await("first records written")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () -> {
                assertThat(first.isAlive())
                    .as("produce still running before any record was written")
                    .isTrue();
                return endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED) > 0;
              });
      assertThat(first.isAlive()).as("produce still running at the kill").isTrue();
      ChildJvm.kill(first);
      writtenAtKill = endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED);
      visibleAfterKill = TopicContents.readCommitted(client, topic).size();
      assertThat(writtenAtKill)
          .as("records written before the kill")
          .isPositive()
          .isLessThanOrEqualTo(PAPERS);
      assertThat(visibleAfterKill)
          .as("records of the killed run visible to read_committed")
          .isZero();

      Process second = ChildJvm.start(childLog, args);
      assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("second run finished").isTrue();
      assertThat(second.exitValue()).as("exit code of the second run, see %s", childLog).isZero();
    }

    var records = TopicContents.readCommitted(client, topic);
    assertThat(records).as("read_committed records: each paper exactly once").hasSize(PAPERS);
    Map<String, PaperEvent> finalPapers = ExactCounts.finalPapers(client, registry.client(), topic);
    assertThat(finalPapers.keySet()).isEqualTo(titles.keySet());
    Map<String, String> finalTitles = new HashMap<>();
    finalPapers.forEach((id, paper) -> finalTitles.put(id, paper.getTitle()));
    assertThat(finalTitles).isEqualTo(titles);
    log.info(
        "producer interruption figures: {} papers in the file, {} records written uncommitted at the kill, "
            + "{} visible after it, {} read_committed records after the rerun",
        PAPERS,
        writtenAtKill,
        visibleAfterKill,
        records.size());
  }
}
