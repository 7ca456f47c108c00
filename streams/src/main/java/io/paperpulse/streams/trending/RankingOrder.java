package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingTag;
import java.util.Comparator;

/**
 * The order of a ranking (docs/trending.md): score, paper count and upvote sum descending, then the
 * tag name ascending by code point (the order of its UTF-8 bytes). Tags are unique in a bucket, so
 * the order is total and any arrival order of the same counts gives the same ranking.
 */
public final class RankingOrder {

  public static final Comparator<TrendingTag> ORDER = RankingOrder::compare;

  private RankingOrder() {}

  private static int compare(TrendingTag left, TrendingTag right) {
    int order = Double.compare(right.getScore(), left.getScore());
    if (order == 0) {
      order = Long.compare(right.getPaperCount(), left.getPaperCount());
    }
    if (order == 0) {
      order = Long.compare(right.getUpvoteSum(), left.getUpvoteSum());
    }
    return order != 0 ? order : compareCodePoints(left.getTag(), right.getTag());
  }

  /**
   * Code point order, which is the order of the names' UTF-8 bytes. It differs from {@link
   * String#compareTo}, which compares UTF-16 units, only where one name has a surrogate (a code
   * point above U+FFFF) and the other a unit from U+E000 to U+FFFF; both orders agree on every
   * other first difference. Many entries of a bucket tie up to the name, so this runs on every such
   * comparison.
   */
  private static int compareCodePoints(String left, String right) {
    int common = Math.min(left.length(), right.length());
    for (int i = 0; i < common; i++) {
      char l = left.charAt(i);
      char r = right.charAt(i);
      if (l != r) {
        boolean leftSurrogate = Character.isSurrogate(l);
        return leftSurrogate == Character.isSurrogate(r) ? l - r : leftSurrogate ? 1 : -1;
      }
    }
    return left.length() - right.length();
  }
}
