package io.paperpulse.streams.topology.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagKind;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountChangelogTest {

  private static final List<Granularity> ALL = Granularity.DEFAULTS;

  @Test
  void theDefaultGranularitiesLogDaysOnly() {
    CountChangelog changelog = new CountChangelog(ALL);
    assertThat(ALL).filteredOn(changelog::logs).containsExactly(Granularity.DAY);
  }

  @Test
  void withoutDaysMonthsMakeYearsAndWeeksAreLogged() {
    CountChangelog changelog =
        new CountChangelog(List.of(Granularity.WEEK, Granularity.MONTH, Granularity.YEAR));
    assertThat(ALL)
        .filteredOn(changelog::logs)
        .containsExactly(Granularity.DAY, Granularity.WEEK, Granularity.MONTH);
    assertThat(new CountChangelog(List.of(Granularity.WEEK)).logs(Granularity.WEEK)).isTrue();
    assertThatThrownBy(() -> new CountChangelog(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Papers added and removed at random, as the counting task counts them, with what the changelog
   * holds after each commit; restoring that log, whole or compacted in any order of its keys, gives
   * the same table.
   */
  @Test
  void restoringTheLoggedCountsGivesEveryCount() {
    for (List<Granularity> granularities :
        List.of(
            ALL,
            List.of(Granularity.DAY, Granularity.YEAR),
            List.of(Granularity.MONTH, Granularity.YEAR),
            List.of(Granularity.WEEK, Granularity.YEAR))) {
      CountChangelog changelog = new CountChangelog(granularities);
      CountTable live = new CountTable();
      List<Logged> log = new ArrayList<>();
      Map<String, List<Long>> upvotesOfPapers = new HashMap<>();
      Random random = new Random(granularities.size());
      String[] tags = {"agents", "diffusion", "retrieval"};
      for (int commit = 0; commit < 300; commit++) {
        Map<CountKey, Count> changed = new HashMap<>();
        for (int change = 0; change < 10; change++) {
          String tag = tags[random.nextInt(tags.length)];
          // across a new year, so weeks, months and years end and start inside the span
          LocalDate day = LocalDate.of(2023, 12, 1).plusDays(random.nextInt(60));
          List<Long> papers = upvotesOfPapers.computeIfAbsent(tag + day, k -> new ArrayList<>());
          TagDayDelta delta;
          if (!papers.isEmpty() && random.nextInt(3) == 0) {
            delta = new TagDayDelta(tag, day, TagKind.KEYPHRASE, -1, -papers.remove(0));
          } else {
            papers.add(1L + random.nextInt(9));
            delta = new TagDayDelta(tag, day, TagKind.KEYPHRASE, 1, papers.get(papers.size() - 1));
          }
          for (Granularity granularity : granularities) {
            CountKey key = new CountKey(granularity, tag, granularity.bucketStart(day));
            Count next = Count.apply(live.get(key), delta);
            live.put(key, next);
            changed.put(key, next);
          }
        }
        changed.forEach(
            (key, count) -> {
              if (changelog.logs(key.granularity())) {
                log.add(new Logged(key, count));
              }
            });
      }
      if (granularities.contains(Granularity.DAY)) {
        // days lose their last paper in this run: the log has tombstones
        assertThat(log.stream().filter(logged -> logged.count() == null)).isNotEmpty();
      }
      assertRestores(changelog, log, live);
      Map<CountKey, Logged> compacted = new HashMap<>();
      log.forEach(logged -> compacted.put(logged.key(), logged));
      List<Logged> shuffled = new ArrayList<>(compacted.values());
      Collections.shuffle(shuffled, random);
      assertRestores(changelog, shuffled, live);
    }
  }

  /** A changelog record: null for a tombstone. */
  private record Logged(CountKey key, Count count) {}

  @Test
  void recordsOfDerivedGranularitiesInAnOlderChangelogAreSkipped() {
    CountChangelog changelog = new CountChangelog(ALL);
    CountTable table = new CountTable();
    LocalDate day = LocalDate.of(2024, 3, 5);
    changelog.restore(
        table, new CountKey(Granularity.YEAR, "agents", LocalDate.of(2024, 1, 1)), count(5, 50));
    changelog.restore(table, new CountKey(Granularity.DAY, "agents", day), count(2, 20));
    assertThat(table.get(new CountKey(Granularity.YEAR, "agents", LocalDate.of(2024, 1, 1))))
        .isEqualTo(count(2, 20));
    assertThat(table.get(new CountKey(Granularity.WEEK, "agents", LocalDate.of(2024, 3, 4))))
        .isEqualTo(count(2, 20));
    changelog.restore(table, new CountKey(Granularity.DAY, "agents", day), null);
    assertThat(table.size()).isZero();
  }

  private static Count count(long papers, long upvotes) {
    return new Count(TagKind.KEYPHRASE, papers, upvotes);
  }

  private static void assertRestores(
      CountChangelog changelog, List<Logged> log, CountTable expected) {
    CountTable restored = new CountTable();
    for (Logged record : log) {
      changelog.restore(restored, record.key(), record.count());
    }
    Map<CountKey, Count> want = new HashMap<>();
    expected.forEach((code, count) -> want.put(expected.key(code), count));
    Map<CountKey, Count> got = new HashMap<>();
    restored.forEach((code, count) -> got.put(restored.key(code), count));
    assertThat(got).isEqualTo(want);
  }
}
