package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * The (paper, tag, granularity, bucket) memberships of a tagged paper, each with the paper's
 * contribution to that bucket's count (one paper, its upvotes), and the retractions and upserts
 * that turn one version's memberships into the next one's.
 */
public final class PaperMemberships {

  // Unit separator: cannot occur in normalized titles, ids or tags, so keys never collide.
  private static final char SEPARATOR = '\u001f';

  private final List<Granularity> granularities;

  public PaperMemberships(List<Granularity> granularities) {
    this.granularities = List.copyOf(granularities);
  }

  /**
   * Key of the memberships table. A string (Avro "string" on the wire) because the key is only
   * ever compared for identity; the value carries tag, granularity and bucket as fields.
   */
  public static String membershipKey(String paperId, String tag, Granularity granularity, LocalDate bucketStart) {
    return paperId + SEPARATOR + granularity.label() + SEPARATOR + bucketStart + SEPARATOR + tag;
  }

  /** Groups a contribution under the tag-counts key it adds to. */
  public static TagCountKey countKey(TagCount contribution) {
    return new TagCountKey(contribution.getTag(), contribution.getGranularity(), contribution.getBucketStart());
  }

  /** Membership key to contribution, in a stable order; empty for a null (deleted) paper. */
  public Map<String, TagCount> of(TaggedPaper tagged) {
    Map<String, TagCount> memberships = new LinkedHashMap<>();
    if (tagged == null) {
      return memberships;
    }
    PaperEvent paper = tagged.getPaper();
    Set<String> seenTags = new HashSet<>();
    for (Tag tag : tagged.getTags()) {
      // a tag name counts once per paper even if the tagger reports it under both kinds
      if (!seenTags.add(tag.getName())) {
        continue;
      }
      for (Granularity granularity : granularities) {
        LocalDate start = granularity.bucketStart(paper.getPublishedAt());
        TagCount contribution = TagCount.newBuilder()
            .setTag(tag.getName())
            .setKind(tag.getKind())
            .setGranularity(granularity.label())
            .setBucketStart(start)
            .setBucketEnd(granularity.bucketEnd(start))
            .setPaperCount(1)
            .setUpvoteSum(paper.getUpvotes())
            .build();
        memberships.put(membershipKey(paper.getId(), tag.getName(), granularity, start), contribution);
      }
    }
    return memberships;
  }

  /**
   * Records for the memberships table that move a paper from {@code before} to {@code after}:
   * a tombstone for each membership that ended, an upsert for each that began or whose
   * contribution changed. Unchanged memberships produce nothing.
   */
  public List<KeyValue<String, TagCount>> changes(TaggedPaper before, TaggedPaper after) {
    Map<String, TagCount> old = of(before);
    Map<String, TagCount> current = of(after);
    List<KeyValue<String, TagCount>> changes = new ArrayList<>();
    for (String key : old.keySet()) {
      if (!current.containsKey(key)) {
        changes.add(KeyValue.pair(key, null));
      }
    }
    for (Map.Entry<String, TagCount> entry : current.entrySet()) {
      if (!Objects.equals(old.get(entry.getKey()), entry.getValue())) {
        changes.add(KeyValue.pair(entry.getKey(), entry.getValue()));
      }
    }
    return changes;
  }
}
