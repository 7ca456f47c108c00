package io.paperpulse.streams.api;

import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import java.util.List;

/**
 * JSON of {@code GET /api/trending}: one bucket's ranking, rank 1 first.
 *
 * @param granularity day, week, month or year
 * @param bucketStart first day of the bucket (ISO date, inclusive)
 * @param bucketEnd first day after the bucket (ISO date, exclusive)
 * @param tags ranked tags, possibly cut to the requested limit
 */
public record TrendingView(
    String granularity, String bucketStart, String bucketEnd, List<Entry> tags) {

  /** One ranked tag. */
  public record Entry(
      int rank, String tag, String kind, long paperCount, long upvoteSum, double score) {}

  public TrendingView {
    tags = List.copyOf(tags);
  }

  public static TrendingView of(TrendingTags ranking) {
    return new TrendingView(
        ranking.getGranularity(),
        ranking.getBucketStart().toString(),
        ranking.getBucketEnd().toString(),
        ranking.getTags().stream().map(TrendingView::entry).toList());
  }

  private static Entry entry(TrendingTag tag) {
    return new Entry(
        tag.getRank(),
        tag.getTag(),
        tag.getKind().name(),
        tag.getPaperCount(),
        tag.getUpvoteSum(),
        tag.getScore());
  }

  /** The same ranking with at most {@code limit} tags. */
  public TrendingView limit(int limit) {
    return tags.size() <= limit
        ? this
        : new TrendingView(granularity, bucketStart, bucketEnd, tags.subList(0, limit));
  }
}
