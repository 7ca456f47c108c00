package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingTag;
import java.util.Comparator;

/**
 * The order of a ranking (docs/trending.md): score, paper count and upvote sum descending, then the
 * tag name ascending by code point (the order of its UTF-8 bytes). Tags are unique in a bucket, so
 * the order is total and any arrival order of the same counts gives the same ranking.
 */
public final class RankingOrder {

  public static final Comparator<TrendingTag> ORDER =
      (left, right) ->
          compare(
              left.getScore(),
              left.getPaperCount(),
              left.getUpvoteSum(),
              left.getTag(),
              right.getScore(),
              right.getPaperCount(),
              right.getUpvoteSum(),
              right.getTag());

  private RankingOrder() {}

  /** The order of two entries given by their fields: of a ranking, or of the score index. */
  static int compare(
      double leftScore,
      long leftPapers,
      long leftUpvotes,
      String leftTag,
      double rightScore,
      long rightPapers,
      long rightUpvotes,
      String rightTag) {
    int order = Double.compare(rightScore, leftScore);
    if (order == 0) {
      order = Long.compare(rightPapers, leftPapers);
    }
    if (order == 0) {
      order = Long.compare(rightUpvotes, leftUpvotes);
    }
    return order != 0 ? order : compareNames(leftTag, rightTag);
  }

  /**
   * Code point order, which is the order of the names' UTF-8 bytes: at the first unit where they
   * differ, the one with the greater {@link #unitKey}.
   */
  private static int compareNames(String left, String right) {
    if (left == right) {
      // an entry's old and new score share the count table's name
      return 0;
    }
    int common = Math.min(left.length(), right.length());
    for (int i = 0; i < common; i++) {
      char l = left.charAt(i);
      char r = right.charAt(i);
      if (l != r) {
        return unitKey(l) - unitKey(r);
      }
    }
    return left.length() - right.length();
  }

  /**
   * A UTF-16 unit as a number that orders names by code point where they first differ. Unit order
   * is code point order but for surrogates (U+D800 to U+DFFF, halves of a code point above U+FFFF),
   * which must come after the units from U+E000 to U+FFFF: those move down by 0x800, surrogates up
   * to the top.
   */
  private static int unitKey(char unit) {
    if (Character.isSurrogate(unit)) {
      return unit + 0x2000;
    }
    return unit >= 0xE000 ? unit - 0x800 : unit;
  }
}
