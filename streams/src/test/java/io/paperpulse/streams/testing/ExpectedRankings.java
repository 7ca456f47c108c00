package io.paperpulse.streams.testing;

import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.trending.TrendScore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rankings recomputed from exact counts, straight from the definition in docs/trending.md: every
 * tag with a live paper in the bucket, scored against its own previous buckets, ordered by score,
 * paper count and upvotes descending, then tag name.
 */
public final class ExpectedRankings {

  /**
   * A ranked tag as compared: the kind is left out, it depends on which version named the tag last.
   */
  public record Ranked(String tag, long papers, long upvotes, double score, int rank) {}

  private static final Comparator<Ranked> RANKING_ORDER =
      Comparator.comparingDouble(Ranked::score)
          .reversed()
          .thenComparing(Comparator.comparingLong(Ranked::papers).reversed())
          .thenComparing(Comparator.comparingLong(Ranked::upvotes).reversed())
          .thenComparing(
              (left, right) ->
                  Arrays.compareUnsigned(
                      left.tag().getBytes(StandardCharsets.UTF_8),
                      right.tag().getBytes(StandardCharsets.UTF_8)));

  private ExpectedRankings() {}

  /** The top {@code topN} of every bucket with a live paper. */
  public static Map<TrendingKey, List<Ranked>> recompute(
      Map<TagCountKey, ExpectedCounts.Totals> counts, int lookback, int topN) {
    Map<TrendingKey, List<Ranked>> byBucket = new HashMap<>();
    counts.forEach(
        (key, totals) -> {
          Granularity granularity = Granularity.fromLabel(key.getGranularity());
          long[] history = new long[lookback];
          LocalDate past = key.getBucketStart();
          for (int i = 0; i < lookback; i++) {
            past = granularity.previous(past);
            ExpectedCounts.Totals before =
                counts.get(new TagCountKey(key.getTag(), key.getGranularity(), past));
            history[i] = before == null ? 0 : before.papers();
          }
          double score = TrendScore.score(totals.papers(), history);
          byBucket
              .computeIfAbsent(
                  new TrendingKey(key.getGranularity(), key.getBucketStart()),
                  k -> new ArrayList<>())
              .add(new Ranked(key.getTag(), totals.papers(), totals.upvotes(), score, 0));
        });
    Map<TrendingKey, List<Ranked>> rankings = new HashMap<>();
    byBucket.forEach(
        (key, entries) -> {
          entries.sort(RANKING_ORDER);
          List<Ranked> top = new ArrayList<>();
          for (Ranked entry : entries.subList(0, Math.min(topN, entries.size()))) {
            top.add(
                new Ranked(
                    entry.tag(), entry.papers(), entry.upvotes(), entry.score(), top.size() + 1));
          }
          rankings.put(key, top);
        });
    return rankings;
  }

  /** Published rankings in the compared form. */
  public static Map<TrendingKey, List<Ranked>> of(Map<TrendingKey, TrendingTags> published) {
    Map<TrendingKey, List<Ranked>> rankings = new HashMap<>();
    published.forEach(
        (key, value) -> {
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
        });
    return rankings;
  }
}
