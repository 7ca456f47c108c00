package io.paperpulse.cli.bench;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Points a consumer at every partition of one topic, from the start, without a group. */
final class WholeTopic {

  private WholeTopic() {}

  /**
   * Assigns all of {@code topic}'s partitions to {@code consumer} at their beginning.
   *
   * @return the sum of their end offsets (records plus any transaction markers)
   */
  static long assignFromStart(Consumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }
}
