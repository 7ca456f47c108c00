package io.paperpulse.it.support;

import io.paperpulse.it.support.ExactCounts.Totals;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.testing.ExpectedRankings;
import io.paperpulse.streams.testing.ExpectedRankings.Ranked;
import io.paperpulse.streams.topology.TopicNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Verifies {@code trending-tags} against rankings recomputed from exact counts with the streams
 * module's {@link ExpectedRankings}.
 */
public final class ExactRankings {

  private ExactRankings() {}

  /**
   * The top {@code topN} of every bucket with a live paper, from exact counts (docs/trending.md).
   */
  public static Map<TrendingKey, List<Ranked>> recompute(
      Map<TagCountKey, Totals> counts, int lookback, int topN) {
    Map<TagCountKey, ExpectedCounts.Totals> totals = new HashMap<>();
    counts.forEach(
        (key, count) ->
            totals.put(key, new ExpectedCounts.Totals(count.papers(), count.upvotes())));
    return ExpectedRankings.recompute(totals, lookback, topN);
  }

  /** The latest ranking per bucket on trending-tags, read committed; tombstones remove buckets. */
  public static Map<TrendingKey, List<Ranked>> published(
      Map<String, Object> clientProperties, SchemaRegistryClient registry, TopicNames topics) {
    Map<TrendingKey, List<Ranked>> rankings = new HashMap<>();
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
          rankings.remove(key);
        } else {
          List<Ranked> ranked = new ArrayList<>();
          for (TrendingTag tag : value.getTags()) {
            ranked.add(
                new Ranked(
                    tag.getTag(),
                    tag.getPaperCount(),
                    tag.getUpvoteSum(),
                    tag.getScore(),
                    tag.getRank()));
          }
          rankings.put(key, ranked);
        }
      }
    }
    return rankings;
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
