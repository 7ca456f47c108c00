package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.topology.counts.Count;
import java.util.Comparator;

/**
 * A tag's entry in one bucket of the score index: what its ranking shows of the tag, and the tag's
 * first sixteen name units as four numbers ({@link RankingOrder#unitKey}). Many entries of a bucket
 * tie on score, paper count and upvotes (every new tag with one paper does), and keyphrases often
 * share their first words, so {@link #ORDER} breaks most ties on those numbers, held in the entry
 * itself, and reads the names only when they are equal too.
 */
record ScoredTag(
    double score,
    long papers,
    long upvotes,
    long name0,
    long name1,
    long name2,
    long name3,
    String tag,
    TagKind kind) {

  /** {@link RankingOrder} on index entries. */
  static final Comparator<ScoredTag> ORDER = ScoredTag::compare;

  static ScoredTag of(String tag, Count count, double score) {
    return new ScoredTag(
        score,
        count.papers(),
        count.upvotes(),
        nameKey(tag, 0),
        nameKey(tag, 4),
        nameKey(tag, 8),
        nameKey(tag, 12),
        tag,
        count.kind());
  }

  /** The entry as a ranking part holds it, rank 0 (positional, assigned when parts are merged). */
  TrendingTag toAvro() {
    return new TrendingTag(tag, kind, papers, upvotes, score, 0);
  }

  /** Units {@code from} to {@code from + 3} of {@code name} in order, 0 past its end. */
  private static long nameKey(String name, int from) {
    long key = 0;
    for (int i = from; i < from + 4; i++) {
      key = key << 16 | (i < name.length() ? RankingOrder.unitKey(name.charAt(i)) : 0);
    }
    return key;
  }

  private static int compare(ScoredTag left, ScoredTag right) {
    int order = Double.compare(right.score, left.score);
    if (order == 0) {
      order = Long.compare(right.papers, left.papers);
    }
    if (order == 0) {
      order = Long.compare(right.upvotes, left.upvotes);
    }
    if (order == 0) {
      order = Long.compareUnsigned(left.name0, right.name0);
    }
    if (order == 0) {
      order = Long.compareUnsigned(left.name1, right.name1);
    }
    if (order == 0) {
      order = Long.compareUnsigned(left.name2, right.name2);
    }
    if (order == 0) {
      order = Long.compareUnsigned(left.name3, right.name3);
    }
    // equal keys: the same first sixteen units, or a shorter name padded with 0 against a NUL unit
    return order != 0 ? order : RankingOrder.compareNames(left.tag, right.tag);
  }
}
