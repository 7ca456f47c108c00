package io.paperpulse.it.support;

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

  private TopicContents() {}

  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
      Map<String, Object> clientProperties, String topic) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // for a read_committed consumer the end offsets are the last stable offsets
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "could not read " + topic + " to its end " + end + " within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The latest value per key (by key bytes, in partition order), tombstones removing the key. */
  public static Map<String, ConsumerRecord<byte[], byte[]>> latestByKey(
      List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, ConsumerRecord<byte[], byte[]>> latest = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String key = java.util.HexFormat.of().formatHex(record.key());
      if (record.value() == null) {
        latest.remove(key);
      } else {
        latest.put(key, record);
      }
    }
    return latest;
  }
}
