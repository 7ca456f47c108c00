package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class ScoreIndexTest {

  private static final LocalDate MONTH = LocalDate.of(2024, 3, 1);

  @Test
  void aBucketsTopIsItsBestEntriesInRankingOrderAndNothingOfTheBucketsBesideIt() {
    Random random = new Random(11);
    ScoreIndex index = new ScoreIndex();
    List<TrendingTag> inMonth = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      TrendingTag entry = entry("tag " + i, random.nextInt(40) / 4.0 - 3, 1 + random.nextInt(9));
      inMonth.add(entry);
      index.put(bucket(Granularity.MONTH, MONTH), entry);
      // the same tags in the month before and after, the week and the year around it, scored higher
      TrendingTag higher = entry(entry.getTag(), entry.getScore() + 100, entry.getPaperCount());
      index.put(bucket(Granularity.MONTH, MONTH.minusMonths(1)), higher);
      index.put(bucket(Granularity.MONTH, MONTH.plusMonths(1)), higher);
      index.put(bucket(Granularity.WEEK, MONTH), higher);
      index.put(bucket(Granularity.YEAR, LocalDate.of(2024, 1, 1)), higher);
    }
    // moved entries: the old key goes, the new one comes
    for (int i = 0; i < 100; i++) {
      TrendingTag old = inMonth.get(i);
      // a copy, as the rankings compute the old entry again instead of keeping it
      index.remove(
          bucket(Granularity.MONTH, MONTH),
          entry(old.getTag(), old.getScore(), old.getPaperCount()));
      TrendingTag moved = entry(old.getTag(), old.getScore() + i % 7, old.getPaperCount() + 1);
      index.put(bucket(Granularity.MONTH, MONTH), moved);
      inMonth.set(i, moved);
    }
    inMonth.sort(RankingOrder.ORDER);

    assertThat(index.top(bucket(Granularity.MONTH, MONTH), 20))
        .containsExactlyElementsOf(inMonth.subList(0, 20));
    assertThat(index.top(bucket(Granularity.MONTH, MONTH), 1000))
        .containsExactlyElementsOf(inMonth);
    assertThat(index.top(bucket(Granularity.DAY, MONTH), 20)).isEmpty();
    assertThat(index.size()).isEqualTo(5 * 500);

    index.clear();
    assertThat(index.top(bucket(Granularity.MONTH, MONTH), 20)).isEmpty();
  }

  private static Bytes bucket(Granularity granularity, LocalDate start) {
    return TrendingStoreKeys.bucketPrefix(granularity, start);
  }

  private static TrendingTag entry(String tag, double score, long papers) {
    return new TrendingTag(tag, TagKind.KEYPHRASE, papers, 0L, score, 0);
  }
}
