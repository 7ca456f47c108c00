package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingOrderTest {

  private static TrendingTag entry(String tag, double score, long count, long upvotes) {
    return new TrendingTag(tag, TagKind.KEYPHRASE, count, upvotes, score, 0);
  }

  @Test
  void scoreThenPapersThenUpvotesDescendingThenTagAscending() {
    List<TrendingTag> ranked =
        List.of(
            entry("a", 12.5, 1, 0),
            entry("b", 3.0, 9, 0),
            entry("c", 3.0, 2, 7),
            entry("a", 3.0, 2, 1),
            entry("b", 3.0, 2, 1),
            entry("z", 0.0, 100, 100),
            entry("y", -0.5, 1, 0),
            entry("x", -7.25, 50, 0));
    List<TrendingTag> shuffled = new ArrayList<>(ranked);
    Collections.shuffle(shuffled, new Random(7));

    shuffled.sort(RankingOrder.ORDER);

    assertThat(shuffled).containsExactlyElementsOf(ranked);
  }

  @Test
  void tagsTieInCodePointOrderAsTheirUtf8BytesSort() {
    // U+FB01 sorts before U+1F600 by code point and by UTF-8 bytes, after it by UTF-16 units
    TrendingTag ligature = entry("\uFB01le", 1.0, 1, 0);
    TrendingTag emoji = entry("\uD83D\uDE00", 1.0, 1, 0);
    TrendingTag prefix = entry("\uFB01", 1.0, 1, 0);

    List<TrendingTag> tags = new ArrayList<>(List.of(emoji, ligature, prefix));
    tags.sort(RankingOrder.ORDER);

    assertThat(tags).containsExactly(prefix, ligature, emoji);
    assertThat(RankingOrder.ORDER.compare(ligature, entry("\uFB01le", 1.0, 1, 0))).isZero();
  }
}
