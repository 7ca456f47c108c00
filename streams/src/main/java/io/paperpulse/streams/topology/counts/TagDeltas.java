package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagDayDeltas;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * What one paper change does to the tag counts: for each tag of the old and the new version, a
 * signed change of (papers, upvotes) on the paper's day (publication or featured date, see {@link
 * BucketDate}), grouped by the counting partition that owns the tag ({@link TagPartitioner}). One
 * record per counting partition the change touches, not one per tag: the repartition then costs
 * about one record per paper. Only days are sent; the counting task adds a day's change to the
 * week, month and year containing it.
 *
 * <p>A change that cancels out (same tag, same day, same upvotes before and after) is not sent.
 */
public final class TagDeltas {

  private TagDeltas() {}

  /**
   * Changes that turn {@code before}'s contribution into {@code after}'s (either may be null),
   * keyed by the counting partition, among {@code partitions}, that owns their tags.
   */
  public static List<KeyValue<Integer, TagDayDeltas>> between(
      TaggedPaper before, TaggedPaper after, int partitions, BucketDate bucketBy) {
    Map<TagDay, Change> changes = new LinkedHashMap<>();
    contribute(changes, before, -1, bucketBy);
    contribute(changes, after, +1, bucketBy);
    Map<Integer, List<TagDayDelta>> byPartition = new TreeMap<>();
    changes.forEach(
        (tagDay, change) -> {
          if (change.papers != 0 || change.upvotes != 0) {
            byPartition
                .computeIfAbsent(
                    TagPartitioner.partition(tagDay.tag, partitions), p -> new ArrayList<>())
                .add(
                    new TagDayDelta(
                        tagDay.tag, tagDay.day, change.kind, change.papers, change.upvotes));
          }
        });
    List<KeyValue<Integer, TagDayDeltas>> records = new ArrayList<>(byPartition.size());
    byPartition.forEach(
        (partition, deltas) -> records.add(KeyValue.pair(partition, new TagDayDeltas(deltas))));
    return records;
  }

  private static void contribute(
      Map<TagDay, Change> changes, TaggedPaper version, int sign, BucketDate bucketBy) {
    if (version == null) {
      return;
    }
    PaperEvent paper = version.getPaper();
    LocalDate day = Granularity.DAY.bucketStart(bucketBy.of(paper));
    Set<String> seen = new HashSet<>();
    for (Tag tag : version.getTags()) {
      // a tag name counts once per paper even if the tagger reports it under both kinds
      if (!seen.add(tag.getName())) {
        continue;
      }
      Change change = changes.computeIfAbsent(new TagDay(tag.getName(), day), key -> new Change());
      change.papers += sign;
      change.upvotes += sign * paper.getUpvotes();
      if (sign > 0 || change.kind == null) {
        // the new version's kind wins
        change.kind = tag.getKind();
      }
    }
  }

  private record TagDay(String tag, LocalDate day) {}

  private static final class Change {
    private TagKind kind;
    private int papers;
    private long upvotes;
  }
}
