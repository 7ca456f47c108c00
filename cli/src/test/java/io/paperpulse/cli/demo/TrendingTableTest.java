package io.paperpulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingTableTest {

  @Test
  void headingNamesTheBucketAndItsInclusiveDays() {
    assertThat(
            TrendingTable.bucketName(
                ranking("year", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), List.of())))
        .isEqualTo("year 2024 (2024-01-01 to 2024-12-31)");
    assertThat(
            TrendingTable.bucketName(
                ranking("month", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), List.of())))
        .isEqualTo("month 2024-02 (2024-02-01 to 2024-02-29)");
    assertThat(
            TrendingTable.bucketName(
                ranking("day", LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 6), List.of())))
        .isEqualTo("day 2024-02-05");
  }

  @Test
  void columnsAreAlignedNumbersRightTextLeft() {
    List<String> lines =
        TrendingTable.render(
            ranking(
                "year",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 1, 1),
                List.of(
                    tag(1, "large language models", TagKind.TOPIC, 14, 1234, 9.1875),
                    tag(2, "kv cache", TagKind.KEYPHRASE, 3, 7, -0.5))),
            10);

    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .isEqualTo("  rank  tag                    kind       papers  upvotes  score");
    assertThat(lines.get(2))
        .isEqualTo("     1  large language models  topic          14     1234   9.19");
    assertThat(lines.get(3))
        .isEqualTo("     2  kv cache               keyphrase       3        7  -0.50");
  }

  @Test
  void showsAtMostTheRequestedRowsAndShortensLongTags() {
    List<TrendingTag> tags = new ArrayList<>();
    for (int rank = 1; rank <= 5; rank++) {
      tags.add(tag(rank, "tag " + rank + " " + "x".repeat(60), TagKind.KEYPHRASE, 1, 0, 1.0));
    }
    List<String> lines =
        TrendingTable.render(
            ranking("month", LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1), tags), 3);

    assertThat(lines).hasSize(1 + 1 + 3);
    assertThat(lines.get(2)).contains("tag 1 xxx").contains("...").doesNotContain("x".repeat(60));
  }

  private static TrendingTags ranking(
      String granularity, LocalDate start, LocalDate end, List<TrendingTag> tags) {
    return new TrendingTags(granularity, start, end, tags);
  }

  private static TrendingTag tag(
      int rank, String name, TagKind kind, long papers, long upvotes, double score) {
    return new TrendingTag(name, kind, papers, upvotes, score, rank);
  }
}
