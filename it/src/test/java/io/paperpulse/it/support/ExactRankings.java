package io.paperpulse.it.support;

import io.paperpulse.it.support.ExactCounts.Totals;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.streams.trending.TrendScore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Verifies {@code trending-tags} against rankings recomputed from exact counts, straight from
 * the definition in docs/trending.md: every tag with a live paper in the bucket, scored against
 * its own previous buckets, ordered by score, paper count and upvotes descending, then tag name.
 */
public final class ExactRankings {

  /** A ranked tag as compared: the kind is left out, it depends on which source named the tag last. */
  public record Ranked(String tag, long papers, long upvotes, double score, int rank) {}

  private static final Comparator<Ranked> RANKING_ORDER = Comparator
      .comparingDouble(Ranked::score).reversed()
      .thenComparing(Comparator.comparingLong(Ranked::papers).reversed())
      .thenComparing(Comparator.comparingLong(Ranked::upvotes).reversed())
      .thenComparing((left, right) -> Arrays.compareUnsigned(
          left.tag().getBytes(StandardCharsets.UTF_8), right.tag().getBytes(StandardCharsets.UTF_8)));

  private ExactRankings() {}

  /** The top {@code topN} of every bucket with a live paper, from exact counts. */
  public static Map<TrendingKey, List<Ranked>> recompute(Map<TagCountKey, Totals> counts, int lookback, int topN) {
    Map<TrendingKey, List<Ranked>> byBucket = new HashMap<>();
    counts.forEach((key, totals) -> {
      Granularity granularity = Granularity.fromLabel(key.getGranularity());
      long[] history = new long[lookback];
      LocalDate past = key.getBucketStart();
      for (int i = 0; i < lookback; i++) {
        past = granularity.previous(past);
        Totals before = counts.get(new TagCountKey(key.getTag(), key.getGranularity(), past));
        history[i] = before == null ? 0 : before.papers();
      }
      double score = TrendScore.score(totals.papers(), history);
      byBucket.computeIfAbsent(new TrendingKey(key.getGranularity(), key.getBucketStart()), k -> new ArrayList<>())
          .add(new Ranked(key.getTag(), totals.papers(), totals.upvotes(), score, 0));
    });
    Map<TrendingKey, List<Ranked>> rankings = new HashMap<>();
    byBucket.forEach((key, entries) -> {
      entries.sort(RANKING_ORDER);
      List<Ranked> top = new ArrayList<>();
      for (Ranked entry : entries.subList(0, Math.min(topN, entries.size()))) {
        top.add(new Ranked(entry.tag(), entry.papers(), entry.upvotes(), entry.score(), top.size() + 1));
      }
      rankings.put(key, top);
    });
    return rankings;
  }

  /** The latest ranking per bucket on trending-tags, read committed; tombstones remove buckets. */
  public static Map<TrendingKey, List<Ranked>> published(Map<String, Object> clientProperties,
                                                          SchemaRegistryClient registry, TopicNames topics) {
    Map<TrendingKey, List<Ranked>> rankings = new HashMap<>();
    try (var keys = SpecificAvroSerde.of(TrendingKey.class, registry, true);
         var values = SpecificAvroSerde.of(TrendingTags.class, registry, false)) {
      for (ConsumerRecord<byte[], byte[]> record : TopicContents.readCommitted(clientProperties, topics.trendingTags())) {
        TrendingKey key = keys.deserializer().deserialize(record.topic(), record.key());
        TrendingTags value = record.value() == null ? null : values.deserializer().deserialize(record.topic(), record.value());
        if (value == null) {
          rankings.remove(key);
        } else {
          List<Ranked> ranked = new ArrayList<>();
          for (TrendingTag tag : value.getTags()) {
            ranked.add(new Ranked(tag.getTag(), tag.getPaperCount(), tag.getUpvoteSum(), tag.getScore(), tag.getRank()));
          }
          rankings.put(key, ranked);
        }
      }
    }
    return rankings;
  }

  /** Readable differences between two sets of rankings, empty when they are equal. */
  public static List<String> differences(Map<TrendingKey, List<Ranked>> expected, Map<TrendingKey, List<Ranked>> actual) {
    List<String> lines = new ArrayList<>();
    TreeSet<TrendingKey> keys = new TreeSet<>(Comparator.comparing(TrendingKey::toString));
    keys.addAll(expected.keySet());
    keys.addAll(actual.keySet());
    for (TrendingKey key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key))) {
        lines.add(key.getGranularity() + "/" + key.getBucketStart() + ": expected " + expected.get(key)
            + ", found " + actual.get(key));
      }
    }
    return lines;
  }
}
