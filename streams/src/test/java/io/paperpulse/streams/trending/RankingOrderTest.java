package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.topology.counts.Count;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  @Test
  void indexEntriesSortAsTheirRankingEntries() {
    // names sharing long prefixes, of different lengths, with a NUL, with units above U+E000 and
    // with surrogates, so that comparisons go past shared prefixes and across the surrogate range
    String[] stems = {
      "large language model",
      "large language models",
      "large",
      "larg",
      "lar\u0000",
      "lar",
      "\uFB01ne",
      "\uD83D\uDE00 tuning",
      "\uE000",
      "\uFFFD",
      "\u00E9t\u00E9",
      "etc",
      "a",
      ""
    };
    Random random = new Random(5);
    List<ScoredTag> entries = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String name =
          stems[random.nextInt(stems.length)]
              + (random.nextBoolean() ? "" : stems[i % stems.length]);
      entries.add(
          ScoredTag.of(
              name,
              new Count(TagKind.KEYPHRASE, 1 + random.nextInt(2), random.nextInt(2)),
              random.nextInt(2)));
    }
    for (int i = 0; i < 20_000; i++) {
      ScoredTag left = entries.get(random.nextInt(entries.size()));
      ScoredTag right = entries.get(random.nextInt(entries.size()));
      assertThat(Integer.signum(ScoredTag.ORDER.compare(left, right)))
          .as("%s against %s", left, right)
          .isEqualTo(Integer.signum(RankingOrder.ORDER.compare(left.toAvro(), right.toAvro())));
      // the order written out, names by their UTF-8 bytes
      int expected = Double.compare(right.score(), left.score());
      if (expected == 0) {
        expected = Long.compare(right.papers(), left.papers());
      }
      if (expected == 0) {
        expected = Long.compare(right.upvotes(), left.upvotes());
      }
      if (expected == 0) {
        expected =
            Arrays.compareUnsigned(
                left.tag().getBytes(StandardCharsets.UTF_8),
                right.tag().getBytes(StandardCharsets.UTF_8));
      }
      assertThat(Integer.signum(ScoredTag.ORDER.compare(left, right)))
          .as("%s against %s", left, right)
          .isEqualTo(Integer.signum(expected));
    }
  }
}
