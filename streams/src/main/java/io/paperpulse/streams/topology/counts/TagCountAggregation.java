package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import java.time.LocalDate;

/**
 * Adder and subtractor of the tag-counts aggregation. Each membership contributes one paper and
 * its upvotes; a retraction subtracts exactly what was added because the table hands the
 * subtractor the old contribution. A bucket whose last paper left keeps a zero count in the
 * store (the topic gets a tombstone for it, see {@link #isEmpty}).
 */
public final class TagCountAggregation {

  private TagCountAggregation() {}

  /** Neutral start value; its identity fields are overwritten by the first add. */
  public static TagCount empty() {
    return new TagCount("", TagKind.TOPIC, "", LocalDate.EPOCH, LocalDate.EPOCH, 0L, 0L);
  }

  public static TagCount add(TagCountKey key, TagCount contribution, TagCount total) {
    return combine(key, contribution, total, 1);
  }

  public static TagCount subtract(TagCountKey key, TagCount contribution, TagCount total) {
    return combine(key, contribution, total, -1);
  }

  /** True when no live paper is left in the bucket. */
  public static boolean isEmpty(TagCount count) {
    return count == null || count.getPaperCount() == 0;
  }

  private static TagCount combine(TagCountKey key, TagCount contribution, TagCount total, int sign) {
    return TagCount.newBuilder()
        .setTag(key.getTag())
        .setKind(contribution.getKind())
        .setGranularity(key.getGranularity())
        .setBucketStart(key.getBucketStart())
        .setBucketEnd(contribution.getBucketEnd())
        .setPaperCount(total.getPaperCount() + sign * contribution.getPaperCount())
        .setUpvoteSum(total.getUpvoteSum() + sign * contribution.getUpvoteSum())
        .build();
  }
}
