package io.paperpulse.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.producer.testing.ManualStop;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class GenerateJobKafkaTest extends SingleBrokerTestBase {

  @Test
  void publishedEventsReadBackWithTheRegistrySerdesAsTheExpectedFinalState() throws Exception {
    String topic = cluster.newTopic("generated");
    GeneratorSettings settings =
        GeneratorSettings.defaults(17)
            .withSpan(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))
            .withShares(0.2, 0.1);
    List<String> progress = new ArrayList<>();
    GenerateResult result =
        job().run(new GenerateOptions(topic, 300, 0, settings, Duration.ZERO), progress::add);

    assertThat(result.exitCode()).isZero();
    assertThat(result.failure()).isNull();
    assertThat(result.events()).isEqualTo(300);
    assertThat(result.updates()).isPositive();
    assertThat(result.deletes()).isPositive();
    assertThat(result.summary()).startsWith("generated 300 events (inserts " + result.inserts());
    assertThat(progress)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("generate: sent "));

    List<ConsumerRecord<String, PaperEvent>> records = cluster.readPapers(topic);
    assertThat(records).hasSize(300);
    Map<String, PaperEvent> latest = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    for (ConsumerRecord<String, PaperEvent> r : records) {
      if (r.value() == null) {
        latest.remove(r.key());
        deleted.add(r.key());
      } else {
        latest.put(r.key(), r.value());
        deleted.remove(r.key());
      }
    }
    assertThat(latest).isEqualTo(result.expected().finalPapers());
    assertThat(deleted).isEqualTo(result.expected().deletedIds());
    assertThat(records.stream().filter(r -> r.value() == null)).hasSize((int) result.deletes());
  }

  @Test
  void aRateIsHeldByPacingTheSends() throws Exception {
    String topic = cluster.newTopic("generated");
    GenerateResult result = job().run(GenerateOptions.of(topic, 60, 1).withRate(100));

    assertThat(result.exitCode()).isZero();
    // 60 events at 100/s: the first is free, the other 59 wait for 10 ms tokens each.
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    assertThat(result.eventsPerSecond()).isLessThan(110);
    assertThat(cluster.readPapers(topic)).hasSize(60);
  }

  @Test
  void aStopRequestEndsASlowRateAtOnceAndEverythingSentIsOnTheTopic() throws Exception {
    String topic = cluster.newTopic("generated");
    ManualStop stop = new ManualStop();
    List<String> progress = new ArrayList<>();
    // One event every two seconds: the stop lands while the pacing waits for the next token.
    CompletableFuture<GenerateResult> running =
        CompletableFuture.supplyAsync(
            () ->
                job().run(GenerateOptions.of(topic, 1_000, 1).withRate(0.5), progress::add, stop));
    Thread.sleep(700);
    long asked = System.nanoTime();
    stop.request();
    GenerateResult result = running.get(10, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(1500));
    assertThat(result.exitCode()).isZero();
    assertThat(result.interrupted()).isTrue();
    assertThat(result.events()).isEqualTo(1);
    assertThat(result.summary()).endsWith("stopped before the requested count");
    assertThat(cluster.readPapers(topic)).hasSize(1);
  }

  @Test
  void unreachableClusterIsAFailureWithExitCode1() {
    Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 1000);
    GenerateResult result =
        new GenerateJob(props, cluster.paperIdSerializer(), cluster.paperSerializer())
            .run(GenerateOptions.of("papers", 10, 1));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.failure()).contains("TimeoutException");
    assertThat(result.summary()).contains("stopped by a Kafka failure");
  }

  private static GenerateJob job() {
    return new GenerateJob(
        cluster.clientProperties(), cluster.paperIdSerializer(), cluster.paperSerializer());
  }
}
