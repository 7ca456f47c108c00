package io.paperpulse.it.support;

import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.testing.ExpectedRankings;
import io.paperpulse.streams.testing.ExpectedRankings.Ranked;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.testsupport.TopicContents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code trending-tags} in the form the streams module's {@link ExpectedRankings} recomputes
 * from exact counts, and tells the differences.
 */
public final class ExactRankings {

  private ExactRankings() {}

  /** The latest ranking per bucket on trending-tags, read committed; tombstones remove buckets. */
  public static Map<TrendingKey, List<Ranked>> published(
      Map<String, Object> clientProperties, SchemaRegistryClient registry, TopicNames topics) {
    Map<TrendingKey, TrendingTags> latest = new HashMap<>();
    try (var keys = SpecificAvroSerde.of(TrendingKey.class, registry, true);
        var values = SpecificAvroSerde.of(TrendingTags.class, registry, false)) {
      for (ConsumerRecord<byte[], byte[]> record :
          TopicContents.readCommitted(clientProperties, topics.trendingTags())) {
        TrendingKey key = keys.deserializer().deserialize(record.topic(), record.key());
        TrendingTags value =
            record.value() == null
                ? null
                : values.deserializer().deserialize(record.topic(), record.value());
        if (value == null) {
          latest.remove(key);
        } else {
          latest.put(key, value);
        }
      }
    }
    return ExpectedRankings.of(latest);
  }

  /** Readable differences between two sets of rankings, empty when they are equal. */
  public static List<String> differences(
      Map<TrendingKey, List<Ranked>> expected, Map<TrendingKey, List<Ranked>> actual) {
    List<String> lines = new ArrayList<>();
    TreeSet<TrendingKey> keys = new TreeSet<>(Comparator.comparing(TrendingKey::toString));
    keys.addAll(expected.keySet());
    keys.addAll(actual.keySet());
    for (TrendingKey key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key))) {
        lines.add(
            key.getGranularity()
                + "/"
                + key.getBucketStart()
                + ": expected "
                + expected.get(key)
                + ", found "
                + actual.get(key));
      }
    }
    return lines;
  }
}
