package io.paperpulse.streams.topology.counts;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountTableTest {

  @Test
  void answersAndListsWhatWasPutUntilItIsRemoved() {
    CountTable table = new CountTable();
    Map<CountKey, Count> expected = new HashMap<>();
    Random random = new Random(3);
    String[] tags = {"agents", "diffusion", "état de l'art", "a", ""};
    for (int step = 0; step < 20_000; step++) {
      Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
      // days before 1970 have negative epoch days
      LocalDate day = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(60_000));
      String tag = tags[random.nextInt(tags.length)];
      // the table remembers the last tag object: equal tags in other objects must read the same
      CountKey key =
          new CountKey(
              granularity,
              random.nextBoolean() ? tag : new String(tag),
              granularity.bucketStart(day));
      Count count =
          random.nextInt(4) == 0
              ? null
              : new Count(TagKind.KEYPHRASE, 1 + random.nextInt(5), random.nextInt(100));
      long code = table.put(key, count);
      assertThat(table.key(code)).isEqualTo(key);
      assertThat(table.get(code)).isEqualTo(count);
      if (count == null) {
        expected.remove(key);
      } else {
        expected.put(key, count);
      }
      assertThat(table.get(key)).isEqualTo(count);
    }
    Map<CountKey, Count> listed = new HashMap<>();
    table.forEach((code, count) -> listed.put(table.key(code), count));
    assertThat(listed).isEqualTo(expected);
    assertThat(table.size()).isEqualTo(expected.size());
    expected.forEach((key, count) -> assertThat(table.get(key)).isEqualTo(count));
  }

  @Test
  void codesSortBySeriesThenTime() {
    CountTable table = new CountTable();
    int agents = table.tagNumber("agents");
    int diffusion = table.tagNumber("diffusion");
    LocalDate before1970 = LocalDate.of(1969, 12, 1);
    LocalDate after1970 = LocalDate.of(1970, 2, 1);
    long[] inOrder = {
      CountTable.code(agents, Granularity.DAY, before1970),
      CountTable.code(agents, Granularity.DAY, after1970),
      CountTable.code(agents, Granularity.MONTH, before1970),
      CountTable.code(agents, Granularity.MONTH, after1970),
      CountTable.code(diffusion, Granularity.DAY, before1970)
    };
    long[] sorted = {inOrder[3], inOrder[0], inOrder[4], inOrder[2], inOrder[1]};
    Arrays.sort(sorted);
    assertThat(sorted).containsExactly(inOrder);
    assertThat(CountTable.day(inOrder[0])).isEqualTo(before1970.toEpochDay());
    assertThat(CountTable.withDay(inOrder[0], after1970.toEpochDay())).isEqualTo(inOrder[1]);
    assertThat(table.tag(inOrder[4])).isEqualTo("diffusion");
  }

  @Test
  void historyIsTheBucketsBeforeNearestFirst() {
    CountTable table = new CountTable();
    LocalDate march = LocalDate.of(2024, 3, 1);
    table.put(new CountKey(Granularity.MONTH, "agents", march.minusMonths(1)), papers(4));
    table.put(new CountKey(Granularity.MONTH, "agents", march.minusMonths(3)), papers(2));
    table.put(new CountKey(Granularity.MONTH, "diffusion", march.minusMonths(1)), papers(9));
    table.put(new CountKey(Granularity.WEEK, "agents", LocalDate.of(2024, 2, 26)), papers(7));
    long code = table.put(new CountKey(Granularity.MONTH, "agents", march), papers(1));
    assertThat(table.history(code, 4)).containsExactly(4, 0, 2, 0);
  }

  private static Count papers(long papers) {
    return new Count(TagKind.KEYPHRASE, papers, 0);
  }

  @Test
  void aTagNeverSeenHasNoCount() {
    CountTable table = new CountTable();
    CountKey key = new CountKey(Granularity.DAY, "agents", LocalDate.of(2024, 3, 1));
    assertThat(table.get(key)).isNull();
    table.put(key, null);
    assertThat(table.size()).isZero();
  }
}
