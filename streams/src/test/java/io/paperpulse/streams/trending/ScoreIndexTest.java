package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.Count;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class ScoreIndexTest {

  private static final LocalDate MONTH = LocalDate.of(2024, 3, 1);

  @Test
  void aBucketsTopIsItsBestEntriesInRankingOrderAndNothingOfTheBucketsBesideIt() {
    Random random = new Random(11);
    // what the counts say: the index scores the tags it keeps no entry of from them
    Map<Bytes, Map<String, ScoredTag>> counts = new HashMap<>();
    ScoreIndex.Entries current = bucket -> tag -> counts.get(bucket).get(tag);
    ScoreIndex index = new ScoreIndex(20, current);
    ScoreIndex whole = new ScoreIndex(1000, current);
    List<ScoredTag> inMonth = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ScoredTag entry = entry("tag " + i, random.nextInt(40) / 4.0 - 3, 1 + random.nextInt(9));
      inMonth.add(entry);
      count(counts, bucket(Granularity.MONTH, MONTH), entry);
      index.put(bucket(Granularity.MONTH, MONTH), entry);
      whole.put(bucket(Granularity.MONTH, MONTH), entry);
      // the same tags in the month before and after, the week and the year around it, scored higher
      ScoredTag higher = entry(entry.tag(), entry.score() + 100, entry.papers());
      for (Bytes around :
          List.of(
              bucket(Granularity.MONTH, MONTH.minusMonths(1)),
              bucket(Granularity.MONTH, MONTH.plusMonths(1)),
              bucket(Granularity.WEEK, MONTH),
              bucket(Granularity.YEAR, LocalDate.of(2024, 1, 1)))) {
        count(counts, around, higher);
        index.put(around, higher);
      }
    }
    // moved entries: the old key goes, the new one comes
    for (int i = 0; i < 100; i++) {
      ScoredTag old = inMonth.get(i);
      // a copy, as the rankings compute the old entry again instead of keeping it
      ScoredTag was = entry(old.tag(), old.score(), old.papers());
      ScoredTag moved = entry(old.tag(), old.score() + i % 7, old.papers() + 1);
      index.move(bucket(Granularity.MONTH, MONTH), was, moved);
      whole.remove(bucket(Granularity.MONTH, MONTH), was);
      whole.put(bucket(Granularity.MONTH, MONTH), moved);
      inMonth.set(i, moved);
      count(counts, bucket(Granularity.MONTH, MONTH), moved);
    }
    List<TrendingTag> ranked =
        inMonth.stream().map(ScoredTag::toAvro).sorted(RankingOrder.ORDER).toList();

    assertThat(index.top(bucket(Granularity.MONTH, MONTH)))
        .containsExactlyElementsOf(ranked.subList(0, 20));
    assertThat(whole.top(bucket(Granularity.MONTH, MONTH))).containsExactlyElementsOf(ranked);
    assertThat(index.top(bucket(Granularity.DAY, MONTH))).isEmpty();
    assertThat(index.size()).isEqualTo(5 * 500);

    // the month's best 30 leave: fewer than N stay sorted, and the rest are scored from the counts
    List<ScoredTag> byRank = new ArrayList<>(inMonth);
    byRank.sort(ScoredTag.ORDER);
    for (ScoredTag gone : byRank.subList(0, 30)) {
      index.remove(bucket(Granularity.MONTH, MONTH), gone);
      counts.get(bucket(Granularity.MONTH, MONTH)).remove(gone.tag());
    }
    assertThat(index.top(bucket(Granularity.MONTH, MONTH)))
        .containsExactlyElementsOf(ranked.subList(30, 50));
    assertThat(index.size()).isEqualTo(5 * 500 - 30);

    ScoredTag first = entry("first", 1, 1);
    index.move(bucket(Granularity.DAY, MONTH), null, first);
    assertThat(index.top(bucket(Granularity.DAY, MONTH))).containsExactly(first.toAvro());
    index.move(bucket(Granularity.DAY, MONTH), entry("first", 1, 1), null);
    assertThat(index.top(bucket(Granularity.DAY, MONTH))).isEmpty();
    assertThat(index.size()).isEqualTo(5 * 500 - 30);

    index.clear();
    assertThat(index.top(bucket(Granularity.MONTH, MONTH))).isEmpty();
  }

  private static void count(
      Map<Bytes, Map<String, ScoredTag>> counts, Bytes bucket, ScoredTag entry) {
    counts.computeIfAbsent(bucket, empty -> new HashMap<>()).put(entry.tag(), entry);
  }

  private static Bytes bucket(Granularity granularity, LocalDate start) {
    return TrendingStoreKeys.bucketPrefix(granularity, start);
  }

  private static ScoredTag entry(String tag, double score, long papers) {
    return ScoredTag.of(tag, new Count(TagKind.KEYPHRASE, papers, 0), score);
  }
}
