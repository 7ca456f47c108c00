package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCountDelta;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * What one paper change does to the tag counts: for each tag of the old and the new version, a
 * signed change of (papers, upvotes) on the paper's publication day. Only days are sent; the
 * counting task adds a day's change to the week, month and year containing it, so one record per
 * tag reaches the counts instead of one per tag and granularity.
 *
 * <p>A change that cancels out (same tag, same day, same upvotes before and after) is not sent.
 */
public final class TagDeltas {

  private TagDeltas() {}

  /** The day-level key under which a tag's change travels to the task that counts the tag. */
  private static TagCountKey dayKey(String tag, LocalDate day) {
    return new TagCountKey(tag, Granularity.DAY.label(), day);
  }

  /** Changes that turn {@code before}'s contribution into {@code after}'s; either may be null. */
  public static List<KeyValue<TagCountKey, TagCountDelta>> between(TaggedPaper before, TaggedPaper after) {
    Map<TagCountKey, Change> changes = new LinkedHashMap<>();
    contribute(changes, before, -1);
    contribute(changes, after, +1);
    List<KeyValue<TagCountKey, TagCountDelta>> deltas = new ArrayList<>(changes.size());
    for (Map.Entry<TagCountKey, Change> entry : changes.entrySet()) {
      Change change = entry.getValue();
      if (change.papers != 0 || change.upvotes != 0) {
        deltas.add(KeyValue.pair(entry.getKey(), new TagCountDelta(change.kind, change.papers, change.upvotes)));
      }
    }
    return deltas;
  }

  private static void contribute(Map<TagCountKey, Change> changes, TaggedPaper version, int sign) {
    if (version == null) {
      return;
    }
    PaperEvent paper = version.getPaper();
    LocalDate day = Granularity.DAY.bucketStart(paper.getPublishedAt());
    Set<String> seen = new HashSet<>();
    for (Tag tag : version.getTags()) {
      // a tag name counts once per paper even if the tagger reports it under both kinds
      if (!seen.add(tag.getName())) {
        continue;
      }
      Change change = changes.computeIfAbsent(dayKey(tag.getName(), day), key -> new Change());
      change.papers += sign;
      change.upvotes += sign * paper.getUpvotes();
      if (sign > 0 || change.kind == null) {
        // the new version's kind wins
        change.kind = tag.getKind();
      }
    }
  }

  private static final class Change {
    private TagKind kind;
    private int papers;
    private long upvotes;
  }
}
