package io.paperpulse.streams.topology;

/**
 * Names of state stores and of the operators that create internal topics. They are part of the
 * application's on-disk and on-broker identity: renaming one orphans its changelog or
 * repartition topic, so they are constants rather than generated names.
 */
public final class StoreNames {

  /** Paper id to its latest {@code TaggedPaper}: the previous version needed to retract. */
  public static final String PAPER_TAGS = "paper-tags";

  /** Membership key (paper, tag, granularity, bucket) to that paper's contribution. */
  public static final String PAPER_MEMBERSHIPS = "paper-memberships";

  /** Repartition of memberships by (tag, granularity, bucket). */
  public static final String TAG_COUNTS_GROUPING = "tag-counts-by-bucket";

  /** (tag, granularity, bucket) to its exact {@code TagCount}. */
  public static final String TAG_COUNTS = "tag-counts-store";

  /** Repartition of tag counts by the (granularity, bucket) whose ranking they feed. */
  public static final String TRENDING_FANOUT = "trending-fanout";

  /** Local copies of the counts a ranking task needs: its buckets and their recent past. */
  public static final String TRENDING_COUNTS = "trending-counts";

  /** (granularity, bucket, tag) to the tag's current ranked entry, to find its index key. */
  public static final String TRENDING_ENTRIES = "trending-entries";

  /** Score-ordered index: (granularity, bucket, score desc, ..., tag) to the ranked entry. */
  public static final String TRENDING_INDEX = "trending-index";

  /** (granularity, bucket) to the latest emitted top-N {@code TrendingTags}. */
  public static final String TRENDING_TAGS = "trending-tags-store";

  private StoreNames() {}
}
