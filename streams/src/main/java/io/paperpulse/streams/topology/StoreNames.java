package io.paperpulse.streams.topology;

/**
 * Names of state stores and of the operators that create internal topics. They are part of the
 * application's on-disk and on-broker identity: renaming one orphans its changelog or repartition
 * topic, so they are constants rather than generated names.
 */
public final class StoreNames {

  /** Paper id to its latest {@code TaggedPaper}: the previous version needed to retract. */
  public static final String PAPER_TAGS = "paper-tags";

  /**
   * Repartition of per-day tag count changes to the counting partition owning their tags ({@code
   * TagPartitioner}).
   */
  public static final String TAG_DELTAS = "tag-deltas";

  /** (granularity, tag, bucket) to its exact count; partitioned by tag. */
  public static final String BUCKET_COUNTS = "bucket-counts";

  /** The ranking parts the counting task last published, per bucket. */
  public static final String PUBLISHED_PARTS = "published-ranking-parts";

  /**
   * Per (granularity, bucket, tag) of the counting task: the last alert raised, and whether the tag
   * is still above.
   */
  public static final String TREND_ALERTS = "raised-trend-alerts";

  /** Repartition of ranking parts by the (granularity, bucket) they belong to. */
  public static final String RANKING_PARTS = "ranking-parts";

  /**
   * (granularity, bucket) to the latest ranking part of every partition: what the ranking is merged
   * from.
   */
  public static final String TRENDING_RANKINGS = "trending-rankings";

  /**
   * Papers of the papers task ranked per bucket (upvotes, newest, id); derived from paper-tags, no
   * changelog.
   */
  public static final String PAPER_RANKS = "paper-ranks";

  /** The top-papers parts the papers task last published, per bucket. */
  public static final String PUBLISHED_PAPER_PARTS = "published-top-papers-parts";

  /** Repartition of top-papers parts by the (granularity, bucket) they belong to. */
  public static final String TOP_PAPERS_PARTS = "top-papers-parts";

  /**
   * (granularity, bucket) to the latest top-papers part of every partition: what top-papers is
   * merged from.
   */
  public static final String TOP_PAPERS = "top-papers-rankings";

  private StoreNames() {}
}
