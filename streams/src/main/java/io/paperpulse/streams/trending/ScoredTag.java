package io.paperpulse.streams.trending;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.topology.counts.Count;
import java.util.Comparator;

/**
 * A tag's entry in one bucket of the score index: what its ranking shows of the tag, without the
 * rank. A plain record rather than the Avro {@code TrendingTag}: the ranking pass builds two per
 * moved entry and compares them, and only a published top N needs the Avro form.
 */
record ScoredTag(double score, long papers, long upvotes, String tag, TagKind kind) {

  /** {@link RankingOrder} on index entries. */
  static final Comparator<ScoredTag> ORDER = ScoredTag::compare;

  static ScoredTag of(String tag, Count count, double score) {
    return new ScoredTag(score, count.papers(), count.upvotes(), tag, count.kind());
  }

  /** The entry as a ranking part holds it, rank 0 (positional, assigned when parts are merged). */
  TrendingTag toAvro() {
    return new TrendingTag(tag, kind, papers, upvotes, score, 0);
  }

  private static int compare(ScoredTag left, ScoredTag right) {
    int order = Double.compare(right.score, left.score);
    if (order == 0) {
      order = Long.compare(right.papers, left.papers);
    }
    if (order == 0) {
      order = Long.compare(right.upvotes, left.upvotes);
    }
    return order != 0 ? order : RankingOrder.compareNames(left.tag, right.tag);
  }
}
