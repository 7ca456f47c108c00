package io.paperpulse.streams.api;

import io.paperpulse.schema.TagCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JSON of {@code GET /api/tags/{tag}}: the tag's exact counts per bucket, oldest first; buckets
 * without a live paper are left out.
 */
public record TagHistoryView(String tag, String granularity, List<Bucket> buckets) {

  /** One bucket's exact count. */
  public record Bucket(
      String bucketStart, String bucketEnd, String kind, long paperCount, long upvoteSum) {}

  public TagHistoryView {
    buckets = List.copyOf(buckets);
  }

  public static TagHistoryView of(String tag, String granularity, List<TagCount> counts) {
    return new TagHistoryView(
        tag,
        granularity,
        counts.stream()
            .map(
                count ->
                    new Bucket(
                        count.getBucketStart().toString(),
                        count.getBucketEnd().toString(),
                        count.getKind().name(),
                        count.getPaperCount(),
                        count.getUpvoteSum()))
            .toList());
  }

  /** Merges the parts held by different instances; each bucket is held by exactly one. */
  public static TagHistoryView merge(String tag, String granularity, List<TagHistoryView> parts) {
    List<Bucket> all = new ArrayList<>();
    parts.forEach(part -> all.addAll(part.buckets()));
    // ISO dates sort chronologically as text
    all.sort(Comparator.comparing(Bucket::bucketStart));
    return new TagHistoryView(tag, granularity, all);
  }
}
