package io.paperpulse.streams.trending;

import io.paperpulse.schema.RankingPart;
import io.paperpulse.schema.RankingParts;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.merge.PartitionParts;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket's ranking from the parts the counting tasks publish ({@link LocalRankings}): the latest
 * part of each partition is kept, and the ranking is the top N of their union, in {@link
 * RankingOrder}.
 */
public final class RankingMerge {

  private RankingMerge() {}

  /**
   * {@code parts} with the part of {@code part}'s partition replaced; null when no part has a tag
   * left.
   */
  public static RankingParts replace(RankingParts parts, RankingPart part) {
    List<RankingPart> next =
        PartitionParts.replace(
            parts.getParts(), part, RankingPart::getPartition, kept -> kept.getTags().isEmpty());
    return next == null ? null : new RankingParts(next);
  }

  /** The top {@code topN} of the union of {@code parts}, ranked from 1; null when there is none. */
  public static TrendingTags ranking(TrendingKey key, RankingParts parts, int topN) {
    if (parts == null) {
      return null;
    }
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    List<TrendingTag> union = new ArrayList<>();
    parts.getParts().forEach(part -> union.addAll(part.getTags()));
    if (union.isEmpty()) {
      return null;
    }
    union.sort(RankingOrder.ORDER);
    List<TrendingTag> top = new ArrayList<>(Math.min(topN, union.size()));
    for (TrendingTag entry : union.subList(0, Math.min(topN, union.size()))) {
      top.add(TrendingTag.newBuilder(entry).setRank(top.size() + 1).build());
    }
    return TrendingTags.newBuilder()
        .setGranularity(granularity.label())
        .setBucketStart(key.getBucketStart())
        .setBucketEnd(granularity.bucketEnd(key.getBucketStart()))
        .setTags(top)
        .build();
  }
}
