package io.paperpulse.streams.topology.counts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which counting partition owns a tag, so that every bucket of every granularity of one tag lives
 * in one task: a day's change updates its week, month and year there, and a trend score reads the
 * tag's previous buckets from the same store. Records to the counting tasks are keyed by the
 * partition itself ({@link TagDeltas}), which this partitioner sends them to.
 *
 * @param <V> value type; it plays no part
 */
public final class TagPartitioner<V> implements StreamPartitioner<Integer, V> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, Integer partition, V value, int numPartitions) {
    if (partition >= numPartitions) {
      // the topology was built for more counting partitions than the topic has
      throw new IllegalStateException(
          "record for counting partition "
              + partition
              + " but "
              + topic
              + " has "
              + numPartitions
              + " partitions");
    }
    return Optional.of(Set.of(partition));
  }

  /**
   * The partition of a tag: murmur2 of its UTF-8 bytes, as Kafka's default partitioner hashes keys.
   */
  public static int partition(String tag, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(tag.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }
}
