package io.paperpulse.streams.papers;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TopPapers;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyTestBase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * top-papers: per bucket, the top N papers by upvotes (ties: newest, then id), exact under updates
 * that change upvotes or dates and under deletes, whatever the order, with rankings published while
 * the changes go on.
 */
class TopPapersTopologyTest extends TopologyTestBase {

  private static final int TOP_N = 3;
  private static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);
  private static final String[] TITLES = {
    "Diffusion", "Transformers", "Graph networks", "Robotics"
  };

  @Override
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(
        Map.of(
            PaperPulseStreamsConfig.TRENDING_LOOKBACK_CONFIG,
            4,
            PaperPulseStreamsConfig.TOP_N_CONFIG,
            TOP_N));
  }

  @Test
  void aBucketsTopPapersAreRankedByUpvotesThenNewestThenId() {
    harness.upsert(paper("a", "Diffusion", "", MONDAY, 5));
    harness.upsert(paper("b", "Diffusion", "", MONDAY.plusDays(2), 5));
    harness.upsert(paper("c", "Robotics", "", MONDAY.plusDays(2), 5));
    harness.upsert(paper("d", "Robotics", "", MONDAY.plusDays(1), 9));
    harness.upsert(paper("e", "Robotics", "", MONDAY.plusDays(3), 1));

    TopPapers week = harness.topPapers().get(new TrendingKey("week", MONDAY));

    assertThat(week.getBucketEnd()).isEqualTo(MONDAY.plusWeeks(1));
    assertThat(week.getPapers()).extracting(TopPaper::getId).containsExactly("d", "b", "c");
    assertThat(week.getPapers()).extracting(TopPaper::getRank).containsExactly(1, 2, 3);
    TopPaper first = week.getPapers().get(0);
    assertThat(first.getTitle()).isEqualTo("Robotics");
    assertThat(first.getUpvotes()).isEqualTo(9);
    assertThat(first.getTags()).contains("robotics");

    // d drops below e's upvotes: a paper outside the top N comes in
    harness.upsert(paper("d", "Robotics", "", MONDAY.plusDays(1), 0));
    harness.delete("b");
    assertThat(harness.topPapers().get(new TrendingKey("week", MONDAY)).getPapers())
        .extracting(TopPaper::getId)
        .containsExactly("c", "a", "e");
  }

  @Test
  void aBucketWhoseLastPaperLeftGetsATombstone() {
    harness.upsert(paper("only", "Diffusion", "", MONDAY, 1));
    assertThat(harness.topPapers()).containsKey(new TrendingKey("day", MONDAY));
    harness.upsert(paper("only", "Diffusion", "", MONDAY.plusDays(1), 1));
    assertThat(harness.topPapers())
        .doesNotContainKey(new TrendingKey("day", MONDAY))
        .containsKey(new TrendingKey("day", MONDAY.plusDays(1)));
  }

  @Test
  void randomUpdatesAndDeletesInterleavedWithPublicationsEndExact() {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, PaperEvent> live = new LinkedHashMap<>();
    for (int step = 0; step < 600; step++) {
      String id = "p" + random.nextInt(60);
      if (live.containsKey(id) && random.nextInt(5) == 0) {
        harness.delete(id);
        live.remove(id);
      } else {
        PaperEvent paper =
            paper(
                id,
                TITLES[random.nextInt(TITLES.length)],
                "",
                MONDAY.plusDays(random.nextInt(40)),
                random.nextInt(6));
        harness.upsert(paper);
        live.put(id, paper);
      }
      if (random.nextInt(25) == 0) {
        harness.emit();
      }
    }

    Map<TrendingKey, List<String>> published = new HashMap<>();
    harness
        .topPapers()
        .forEach(
            (key, top) -> {
              assertThat(top.getPapers())
                  .extracting(TopPaper::getRank)
                  .containsExactly(
                      IntStream.rangeClosed(1, top.getPapers().size())
                          .boxed()
                          .toArray(Integer[]::new));
              published.put(key, top.getPapers().stream().map(TopPaper::getId).toList());
            });
    assertThat(published).isEqualTo(recompute(live.values()));
  }

  /** The ids of each bucket's top papers straight from the definition, over the live papers. */
  private static Map<TrendingKey, List<String>> recompute(Iterable<PaperEvent> live) {
    Map<TrendingKey, List<PaperEvent>> byBucket = new HashMap<>();
    for (PaperEvent paper : live) {
      for (Granularity granularity : Granularity.DEFAULTS) {
        byBucket
            .computeIfAbsent(
                new TrendingKey(
                    granularity.label(), granularity.bucketStart(paper.getPublishedAt())),
                key -> new ArrayList<>())
            .add(paper);
      }
    }
    Map<TrendingKey, List<String>> expected = new HashMap<>();
    byBucket.forEach(
        (key, papers) ->
            expected.put(
                key,
                papers.stream()
                    .sorted(
                        Comparator.comparingInt((PaperEvent p) -> -p.getUpvotes())
                            .thenComparing(
                                PaperEvent::getPublishedAt, Comparator.<Instant>reverseOrder())
                            .thenComparing(PaperEvent::getId))
                    .limit(TOP_N)
                    .map(PaperEvent::getId)
                    .toList()));
    return expected;
  }
}
