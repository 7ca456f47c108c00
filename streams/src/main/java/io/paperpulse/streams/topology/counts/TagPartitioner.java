package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCountKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions tag counts by tag alone, so every bucket of every granularity of one tag lives in
 * one task: a day's change updates its week, month and year there, and a trend score reads the
 * tag's previous buckets from the same store. Interactive queries for a count must locate it with
 * this partitioner too (it is not the default one).
 *
 * @param <V> value type; it plays no part
 */
public final class TagPartitioner<V> implements StreamPartitioner<TagCountKey, V> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, TagCountKey key, V value, int numPartitions) {
    return Optional.of(Set.of(partition(key.getTag(), numPartitions)));
  }

  /** The partition of a tag: murmur2 of its UTF-8 bytes, as Kafka's default partitioner hashes keys. */
  public static int partition(String tag, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(tag.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }
}
