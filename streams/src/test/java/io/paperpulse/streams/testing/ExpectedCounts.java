package io.paperpulse.streams.testing;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.tagging.Tagger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tag counts recomputed from scratch from the set of live papers, straight from the definition in
 * DESIGN.md: for every bucket, the live papers whose tags include the tag and whose date falls in
 * [bucketStart, bucketEnd).
 */
public final class ExpectedCounts {

  /** Paper count and upvote sum of one (tag, granularity, bucket). */
  public record Totals(long papers, long upvotes) {
    public static Totals of(TagCount count) {
      return new Totals(count.getPaperCount(), count.getUpvoteSum());
    }
  }

  private ExpectedCounts() {}

  public static Map<TagCountKey, Totals> recompute(
      Iterable<PaperEvent> livePapers, Tagger tagger, List<Granularity> granularities) {
    Map<TagCountKey, Totals> totals = new HashMap<>();
    for (PaperEvent paper : livePapers) {
      LocalDate day = LocalDate.ofInstant(paper.getPublishedAt(), ZoneOffset.UTC);
      Set<String> names = new HashSet<>();
      for (Tag tag : tagger.tag(paper.getTitle(), paper.getAbstract$())) {
        names.add(tag.getName());
      }
      for (String name : names) {
        for (Granularity granularity : granularities) {
          LocalDate start = granularity.bucketStart(day);
          if (day.isBefore(start) || !day.isBefore(granularity.bucketEnd(start))) {
            throw new AssertionError("bucket does not contain its day: " + granularity + " " + day);
          }
          TagCountKey key = new TagCountKey(name, granularity.label(), start);
          Totals before = totals.getOrDefault(key, new Totals(0, 0));
          totals.put(key, new Totals(before.papers() + 1, before.upvotes() + paper.getUpvotes()));
        }
      }
    }
    return totals;
  }

  /** Latest value per key from a changelog-style output, tombstones and zero counts removed. */
  public static Map<TagCountKey, Totals> fromTopic(
      List<org.apache.kafka.streams.KeyValue<TagCountKey, TagCount>> records) {
    Map<TagCountKey, Totals> latest = new HashMap<>();
    for (var record : records) {
      if (record.value == null || record.value.getPaperCount() == 0) {
        latest.remove(record.key);
      } else {
        latest.put(record.key, Totals.of(record.value));
      }
    }
    return latest;
  }
}
