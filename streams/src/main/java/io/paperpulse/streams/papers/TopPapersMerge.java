package io.paperpulse.streams.papers;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TopPapers;
import io.paperpulse.schema.TopPapersPart;
import io.paperpulse.schema.TopPapersParts;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.merge.PartitionParts;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket's top papers from the parts each partition of papers publishes ({@link LocalTopPapers}).
 */
public final class TopPapersMerge {

  private TopPapersMerge() {}

  /**
   * {@code parts} with the part of {@code part}'s partition replaced; null when no partition has a
   * paper left.
   */
  public static TopPapersParts replace(TopPapersParts parts, TopPapersPart part) {
    List<TopPapersPart> next =
        PartitionParts.replace(
            parts.getParts(),
            part,
            TopPapersPart::getPartition,
            kept -> kept.getPapers().isEmpty());
    return next == null ? null : new TopPapersParts(next);
  }

  /** The top {@code topN} of the union of {@code parts}, ranked from 1; null when there is none. */
  public static TopPapers top(TrendingKey key, TopPapersParts parts, int topN) {
    if (parts == null) {
      return null;
    }
    List<TopPaper> union = new ArrayList<>();
    parts.getParts().forEach(part -> union.addAll(part.getPapers()));
    if (union.isEmpty()) {
      return null;
    }
    Granularity granularity = Granularity.fromLabel(key.getGranularity());
    return new TopPapers(
        granularity.label(),
        key.getBucketStart(),
        granularity.bucketEnd(key.getBucketStart()),
        ranked(union, topN));
  }

  /** The first {@code limit} of {@code papers} in rank order, ranked from 1. */
  public static List<TopPaper> ranked(List<TopPaper> papers, int limit) {
    List<TopPaper> sorted = new ArrayList<>(papers);
    sorted.sort(PaperRankKeys.RANK_ORDER);
    List<TopPaper> top = new ArrayList<>(Math.min(limit, sorted.size()));
    for (TopPaper paper : sorted.subList(0, Math.min(limit, sorted.size()))) {
      top.add(TopPaper.newBuilder(paper).setRank(top.size() + 1).build());
    }
    return top;
  }
}
