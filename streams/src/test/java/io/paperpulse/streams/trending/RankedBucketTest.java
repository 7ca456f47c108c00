package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.paperpulse.schema.TagKind;
import io.paperpulse.streams.topology.counts.Count;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RankedBucketTest {

  private static final int N = 5;

  /**
   * Entries rise into the head, fall out of it, leave and come back, in random order, some with
   * equal scores, papers and upvotes; after each step the top N is that of all entries sorted.
   */
  @Test
  void itsTopIsTheTopOfAllItsEntriesSortedThroughRandomMoves() {
    Random random = new Random(5);
    RankedBucket bucket = new RankedBucket(2 * N);
    Map<String, ScoredTag> entries = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String tag = "tag " + random.nextInt(60);
      ScoredTag old = entries.remove(tag);
      if (old != null && random.nextInt(10) == 0) {
        bucket.remove(copy(old));
      } else {
        // most moves are small, some jump
        double score =
            old == null || random.nextInt(20) == 0
                ? random.nextInt(30)
                : old.score() + random.nextInt(5) - 2;
        ScoredTag entry = entry(tag, score, 1 + random.nextInt(3));
        entries.put(tag, entry);
        if (old == null) {
          bucket.add(entry);
        } else if (random.nextBoolean()) {
          bucket.move(copy(old), entry);
        } else {
          bucket.remove(copy(old));
          bucket.add(entry);
        }
      }
      TreeSet<ScoredTag> sorted = new TreeSet<>(ScoredTag.ORDER);
      sorted.addAll(entries.values());
      List<ScoredTag> expected = new ArrayList<>(sorted).subList(0, Math.min(N, sorted.size()));
      assertThat(bucket.size()).isEqualTo(entries.size());
      assertThat(bucket.top(N, entries::get))
          .as("step %d", step)
          .containsExactlyElementsOf(expected);
    }
    assertThat(entries).isNotEmpty();
  }

  @Test
  void aBucketSmallerThanItsHeadKeepsEveryEntryInOrder() {
    RankedBucket bucket = new RankedBucket(2 * N);
    bucket.add(entry("b", 1, 1));
    bucket.add(entry("a", 1, 1));
    bucket.add(entry("c", 2, 1));

    assertThat(bucket.top(N, tag -> fail("a refill of " + tag)))
        .extracting(ScoredTag::tag)
        .containsExactly("c", "a", "b");

    bucket.remove(entry("c", 2, 1));
    bucket.remove(entry("a", 1, 1));
    bucket.remove(entry("b", 1, 1));
    assertThat(bucket.isEmpty()).isTrue();
  }

  /** A copy, as the rankings compute the old entry again instead of keeping it. */
  private static ScoredTag copy(ScoredTag entry) {
    return entry(new String(entry.tag()), entry.score(), entry.papers());
  }

  private static ScoredTag entry(String tag, double score, long papers) {
    return ScoredTag.of(tag, new Count(TagKind.KEYPHRASE, papers, 0), score);
  }
}
