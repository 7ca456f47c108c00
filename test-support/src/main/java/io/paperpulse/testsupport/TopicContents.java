package io.paperpulse.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every committed record of a topic, as a downstream {@code read_committed} consumer sees it:
 * records of aborted or still-open transactions are never returned.
 */
public final class TopicContents {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private TopicContents() {}

  /** Every committed record of every partition up to the last stable offsets seen at the start. */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      Map<String, Object> clientProperties, String topic) {
    return readCommitted(clientProperties, topic, false);
  }

  /**
   * Like {@link #readCommitted(Map, String)}, but first waits until no transaction on the topic is
   * open or waiting for its markers: a committed transaction's markers reach the partition shortly
   * after {@code commitTransaction} returns, so until then the last stable offset lags behind.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readDecided(
      Map<String, Object> clientProperties, String topic) {
    return readCommitted(clientProperties, topic, true);
  }

  // Kafka consumers are not thread-safe: every poll runs on the calling thread.
  private static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      Map<String, Object> clientProperties, String topic, boolean awaitDecided) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    Map<String, Object> committedConfig = new HashMap<>(config);
    committedConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = bytesConsumer(committedConfig)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      if (awaitDecided) {
        try (KafkaConsumer<byte[], byte[]> uncommitted = bytesConsumer(config)) {
          // the last stable offsets reach the high watermarks once every transaction is decided
          await("transactions on " + topic + " decided")
              .atMost(READ_TIMEOUT)
              .pollInSameThread()
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () -> consumer.endOffsets(partitions).equals(uncommitted.endOffsets(partitions)));
        }
      }
      // for a read_committed consumer the end offsets are the last stable offsets
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Consumers.polling("reading " + topic + " to its end " + end, READ_TIMEOUT)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> bytesConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
