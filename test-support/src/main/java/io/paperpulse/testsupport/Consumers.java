package io.paperpulse.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;

/** Waiting on a consumer of a test, polling on the calling thread. */
public final class Consumers {

  private Consumers() {}

  /**
   * Polls {@code consumer} until its group gave it partitions, so that it counts as an active
   * member; fails after {@code timeout}.
   */
  public static void awaitAssignment(Consumer<?, ?> consumer, Duration timeout) {
    polling("member joined", timeout)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200));
              return !consumer.assignment().isEmpty();
            });
  }

  /**
   * Polls the assigned {@code consumer} until it has returned at least {@code count} records, and
   * returns them all in the order polled; fails after {@code timeout}.
   */
  public static <K, V> List<ConsumerRecord<K, V>> pollAtLeast(
      Consumer<K, V> consumer, int count, Duration timeout) {
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    polling(count + " records", timeout)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return records.size() >= count;
            });
    return records;
  }

  /**
   * An await for conditions that poll a Kafka consumer: on the calling thread (consumers are not
   * thread-safe), one poll right after the other (each poll waits for records itself).
   */
  static ConditionFactory polling(String what, Duration timeout) {
    return await(what)
        .atMost(timeout)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1));
  }
}
