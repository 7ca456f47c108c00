package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingUpdatesTest {

  private static final TrendingKey WEEK = new TrendingKey("week", LocalDate.of(2024, 3, 4));
  private static final TrendingKey YEAR = new TrendingKey("year", LocalDate.of(2024, 1, 1));

  private record Batch(TrendingKey key, List<String> tags, List<Long> counts, long timestamp) {}

  private static TrendingTag entry(String tag, long count) {
    return new TrendingTag(tag, TagKind.TOPIC, count, 0L, (double) count, 0);
  }

  private static List<Batch> batches(RankingUpdates updates) {
    List<Batch> batches = new ArrayList<>();
    updates.forEachBatch((key, entries, timestamp) -> batches.add(new Batch(key,
        entries.getEntries().stream().map(TrendingTag::getTag).toList(),
        entries.getEntries().stream().map(TrendingTag::getPaperCount).toList(),
        timestamp)));
    return batches;
  }

  @Test
  void groupsByRankingKeepsTheLastEntryPerTagAndTheLatestTimestamp() {
    RankingUpdates updates = new RankingUpdates(100);
    updates.put(WEEK, entry("a", 1), 10);
    updates.put(YEAR, entry("a", 1), 10);
    updates.put(WEEK, entry("b", 2), 30);
    updates.put(WEEK, entry("a", 3), 20);

    assertThat(batches(updates)).containsExactly(
        new Batch(WEEK, List.of("a", "b"), List.of(3L, 2L), 30),
        new Batch(YEAR, List.of("a"), List.of(1L), 10));
  }

  @Test
  void splitsABusyRankingIntoBatchesOfTheMaximumSize() {
    RankingUpdates updates = new RankingUpdates(2);
    for (String tag : List.of("a", "b", "c", "d", "e")) {
      updates.put(YEAR, entry(tag, 1), 5);
    }

    assertThat(batches(updates)).extracting(Batch::tags)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
  }

  @Test
  void nothingPutMeansNoBatch() {
    assertThat(batches(new RankingUpdates(10))).isEmpty();
    assertThatThrownBy(() -> new RankingUpdates(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
