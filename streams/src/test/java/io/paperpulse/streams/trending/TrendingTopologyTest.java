package io.paperpulse.streams.trending;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingTopologyTest extends TopologyTestBase {

  private static final LocalDate W0 = LocalDate.of(2024, 1, 1);
  private static final LocalDate W1 = W0.plusWeeks(1);
  private static final LocalDate W2 = W0.plusWeeks(2);
  private int nextId;

  @Override
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(
        Map.of(
            PaperPulseStreamsConfig.GRANULARITIES_CONFIG, List.of(Granularity.WEEK),
            PaperPulseStreamsConfig.TRENDING_LOOKBACK_CONFIG, 2,
            PaperPulseStreamsConfig.TOP_N_CONFIG, 6));
  }

  private void papers(String tag, LocalDate week, int count, int upvotes) {
    for (int i = 0; i < count; i++) {
      // papers spread over the week's days: buckets, not days, are ranked
      harness.upsert(paper("p" + nextId++, tag, "", week.plusDays(i % 7), upvotes));
    }
  }

  private TrendingTags ranking(LocalDate week) {
    return harness.trending().get(new TrendingKey("week", week));
  }

  private void seedHistory() {
    papers("steady", W0, 3, 0);
    papers("steady", W1, 3, 0);
    papers("steady", W2, 3, 0);
    papers("rising", W0, 1, 0);
    papers("rising", W1, 1, 0);
    papers("rising", W2, 4, 0);
    papers("fresh", W2, 2, 0);
    papers("tiea", W2, 1, 5);
    papers("tieb", W2, 1, 9);
    papers("tiec", W2, 1, 5);
  }

  @Test
  void ranksByGrowthAgainstTheTagsOwnPastWithDeterministicTies() {
    seedHistory();

    List<TrendingTag> tags = ranking(W2).getTags();

    assertThat(tags)
        .extracting(TrendingTag::getTag)
        .containsExactly("rising", "fresh", "tieb", "tiea", "tiec", "steady");
    assertThat(tags).extracting(TrendingTag::getRank).containsExactly(1, 2, 3, 4, 5, 6);
    // docs/trending.md: (count - mean of previous 2 weeks) / sqrt(mean + 1)
    assertThat(tags.get(0).getScore()).isCloseTo(3 / Math.sqrt(2), within(1e-9));
    assertThat(tags.get(1).getScore()).isCloseTo(2.0, within(1e-9));
    assertThat(tags.get(2).getScore()).isCloseTo(1.0, within(1e-9));
    assertThat(tags.get(5).getScore()).isCloseTo(0.0, within(1e-9));
    assertThat(tags.get(0).getPaperCount()).isEqualTo(4);
    assertThat(tags.get(2).getUpvoteSum()).isEqualTo(9);
    assertThat(ranking(W2).getBucketEnd()).isEqualTo(W2.plusWeeks(1));
  }

  @Test
  void rankingFollowsChangesInTheBucketAndInItsPast() {
    seedHistory();

    // fresh was common the week before: its growth, and so its score, vanishes
    papers("fresh", W1, 2, 0);
    assertThat(ranking(W2).getTags())
        .extracting(TrendingTag::getTag)
        .containsExactly("rising", "tieb", "tiea", "tiec", "fresh", "steady");

    // rising loses its papers of W2 one by one until it leaves the ranking
    for (int i = 11; i < 15; i++) { // ids of the four W2 papers of "rising"
      harness.delete("p" + i);
    }
    assertThat(ranking(W2).getTags())
        .extracting(TrendingTag::getTag)
        .containsExactly("tieb", "tiea", "tiec", "fresh", "steady");
  }

  @Test
  void topNLimitsTheRankingAndEmptyBucketsAreRemoved() {
    papers("alone", W0, 1, 0);
    assertThat(ranking(W0).getTags()).extracting(TrendingTag::getTag).containsExactly("alone");

    harness.delete("p0");

    assertThat(harness.trending()).doesNotContainKey(new TrendingKey("week", W0));
  }
}
