package io.paperpulse.streams.topology;

/**
 * Names of state stores and of the operators that create internal topics. They are part of the
 * application's on-disk and on-broker identity: renaming one orphans its changelog or
 * repartition topic, so they are constants rather than generated names.
 */
public final class StoreNames {

  /** Paper id to its latest {@code TaggedPaper}: the previous version needed to retract. */
  public static final String PAPER_TAGS = "paper-tags";

  /** Repartition of per-day tag count changes by tag ({@code TagPartitioner}). */
  public static final String TAG_DELTAS = "tag-deltas";

  /** (tag, granularity, bucket) to its exact {@code TagCount}; partitioned by tag. */
  public static final String TAG_COUNTS = "tag-counts-store";

  /** Tag counts changed since the last emission. */
  public static final String TAG_COUNTS_PENDING = "tag-counts-pending";

  /** Repartition of scored entries, batched per ranking, by the (granularity, bucket) they belong to. */
  public static final String RANKING_ENTRIES = "ranking-entries";

  /** (granularity, bucket, tag) to the tag's current ranked entry, to find its index key. */
  public static final String TRENDING_ENTRIES = "trending-entries";

  /** Score-ordered index: (granularity, bucket, score desc, ..., tag) to the ranked entry. */
  public static final String TRENDING_INDEX = "trending-index";

  /** (granularity, bucket) to the latest emitted top-N {@code TrendingTags}. */
  public static final String TRENDING_TAGS = "trending-tags-store";

  /** Rankings changed since the last emission. */
  public static final String TRENDING_PENDING = "trending-pending";

  private StoreNames() {}
}
