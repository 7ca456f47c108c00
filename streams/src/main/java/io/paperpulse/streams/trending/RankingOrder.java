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

  // String.compareTo compares UTF-16 units, which puts U+10000 and above before U+E000 to U+FFFF
  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int l = left.codePointAt(i);
      int r = right.codePointAt(j);
      if (l != r) {
        return Integer.compare(l, r);
      }
      i += Character.charCount(l);
      j += Character.charCount(r);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}
