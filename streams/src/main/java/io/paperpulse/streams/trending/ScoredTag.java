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
  static final Comparator<ScoredTag> ORDER =
      (left, right) ->
          RankingOrder.compare(
              left.score,
              left.papers,
              left.upvotes,
              left.tag,
              right.score,
              right.papers,
              right.upvotes,
              right.tag);

  static ScoredTag of(String tag, Count count, double score) {
    return new ScoredTag(score, count.papers(), count.upvotes(), tag, count.kind());
  }

  /** The entry as a ranking part holds it, rank 0 (positional, assigned when parts are merged). */
  TrendingTag toAvro() {
    return new TrendingTag(tag, kind, papers, upvotes, score, 0);
  }
}
