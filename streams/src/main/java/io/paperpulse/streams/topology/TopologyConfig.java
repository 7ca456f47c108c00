package io.paperpulse.streams.topology;

import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings that shape the topology's results.
 *
 * <p>Granularities are part of the application's identity: the topology derives a paper's previous
 * bucket memberships from the stored previous version, so changing them on a running application id
 * would retract memberships that were never added. Use a new application id (or reset) after
 * changing them.
 *
 * @param granularities bucket sizes to count in
 * @param maxAbstractChars abstracts longer than this are rejected to the dead-letter topic
 * @param maxFutureSkew papers published further than this in the future are rejected
 * @param trendingLookback how many previous buckets form a tag's baseline
 * @param trendingTopN how many tags a trending-tags record holds
 * @param maxOutputRecordBytes largest output record (key, value, headers and batch overhead) the
 *     application writes; a bigger one becomes a dead letter, since the broker would reject it and,
 *     under exactly-once, abort the whole transaction with it. Keep it at or below the output
 *     topics' {@code max.message.bytes} and the producer's {@code max.request.size}
 * @param rankingInterval how often the counts changed since the last time are re-scored and the
 *     rankings they moved are written out; each is a whole top N, and people watching it need no
 *     more than one a second. Counts themselves are written once per key per commit.
 * @param countingPartitions partitions of the counting stage: tags are assigned to them by hash,
 *     and the repartition topic feeding them is created with this many. The application takes the
 *     partition count of the papers topic; changing it needs a new application id (or a reset)
 * @param bucketBy which date of a paper places it in its buckets; part of the application's
 *     identity like the granularities
 * @param alertThreshold when a tag counts as taking off in the current bucket (trend-alerts)
 */
public record TopologyConfig(
    List<Granularity> granularities,
    int maxAbstractChars,
    Duration maxFutureSkew,
    int trendingLookback,
    int trendingTopN,
    int maxOutputRecordBytes,
    Duration rankingInterval,
    int countingPartitions,
    BucketDate bucketBy,
    AlertThreshold alertThreshold) {

  public static final int DEFAULT_MAX_ABSTRACT_CHARS = 20_000;
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);
  public static final int DEFAULT_TRENDING_LOOKBACK = 4;
  public static final int DEFAULT_TRENDING_TOP_N = 20;

  /**
   * Below both the broker's default {@code max.message.bytes} and the producer's default {@code
   * max.request.size}.
   */
  public static final int DEFAULT_MAX_OUTPUT_RECORD_BYTES = 1_000_000;

  /** Rankings are for people watching: once a second is live enough. */
  public static final Duration DEFAULT_RANKING_INTERVAL = Duration.ofSeconds(1);

  public TopologyConfig {
    granularities = List.copyOf(granularities);
    if (granularities.isEmpty()) {
      throw new IllegalArgumentException("at least one granularity is required");
    }
    if (maxAbstractChars < 1) {
      throw new IllegalArgumentException("maxAbstractChars must be positive");
    }
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("maxFutureSkew must not be negative");
    }
    if (trendingLookback < 1) {
      throw new IllegalArgumentException("trendingLookback must be at least 1");
    }
    if (trendingTopN < 1) {
      throw new IllegalArgumentException("trendingTopN must be at least 1");
    }
    if (maxOutputRecordBytes < 1) {
      throw new IllegalArgumentException("maxOutputRecordBytes must be positive");
    }
    if (countingPartitions < 1) {
      throw new IllegalArgumentException("countingPartitions must be positive");
    }
    Objects.requireNonNull(bucketBy, "bucketBy");
    Objects.requireNonNull(alertThreshold, "alertThreshold");
    if (rankingInterval.toMillis() < 1) {
      throw new IllegalArgumentException("rankingInterval must be at least 1 ms");
    }
  }

  public static TopologyConfig defaults() {
    return new TopologyConfig(
        Granularity.DEFAULTS,
        DEFAULT_MAX_ABSTRACT_CHARS,
        DEFAULT_MAX_FUTURE_SKEW,
        DEFAULT_TRENDING_LOOKBACK,
        DEFAULT_TRENDING_TOP_N,
        DEFAULT_MAX_OUTPUT_RECORD_BYTES,
        DEFAULT_RANKING_INTERVAL,
        1,
        BucketDate.PUBLISHED,
        AlertThreshold.DEFAULT);
  }

  public TopologyConfig withGranularities(List<Granularity> value) {
    return edit(c -> c.granularities = value);
  }

  public TopologyConfig withMaxAbstractChars(int value) {
    return edit(c -> c.maxAbstractChars = value);
  }

  public TopologyConfig withTrending(int lookback, int topN) {
    return edit(
        c -> {
          c.trendingLookback = lookback;
          c.trendingTopN = topN;
        });
  }

  public TopologyConfig withMaxOutputRecordBytes(int value) {
    return edit(c -> c.maxOutputRecordBytes = value);
  }

  public TopologyConfig withRankingInterval(Duration value) {
    return edit(c -> c.rankingInterval = value);
  }

  public TopologyConfig withCountingPartitions(int value) {
    return edit(c -> c.countingPartitions = value);
  }

  public TopologyConfig withBucketBy(BucketDate value) {
    return edit(c -> c.bucketBy = value);
  }

  public TopologyConfig withAlertThreshold(AlertThreshold value) {
    return edit(c -> c.alertThreshold = value);
  }

  /** A copy with the fields {@code change} sets; the canonical constructor checks the result. */
  private TopologyConfig edit(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /**
   * The fields of a configuration being changed, so that each {@code with} method names only its
   * own.
   */
  private static final class Copy {
    private List<Granularity> granularities;
    private int maxAbstractChars;
    private final Duration maxFutureSkew;
    private int trendingLookback;
    private int trendingTopN;
    private int maxOutputRecordBytes;
    private Duration rankingInterval;
    private int countingPartitions;
    private BucketDate bucketBy;
    private AlertThreshold alertThreshold;

    private Copy(TopologyConfig from) {
      granularities = from.granularities;
      maxAbstractChars = from.maxAbstractChars;
      maxFutureSkew = from.maxFutureSkew;
      trendingLookback = from.trendingLookback;
      trendingTopN = from.trendingTopN;
      maxOutputRecordBytes = from.maxOutputRecordBytes;
      rankingInterval = from.rankingInterval;
      countingPartitions = from.countingPartitions;
      bucketBy = from.bucketBy;
      alertThreshold = from.alertThreshold;
    }

    private TopologyConfig build() {
      return new TopologyConfig(
          granularities,
          maxAbstractChars,
          maxFutureSkew,
          trendingLookback,
          trendingTopN,
          maxOutputRecordBytes,
          rankingInterval,
          countingPartitions,
          bucketBy,
          alertThreshold);
    }
  }
}
