package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.testing.ExpectedRankings;
import io.paperpulse.streams.testing.RegistryTestBase;
import io.paperpulse.streams.testing.TopologyHarness;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random histories of inserts, updates (text, date, upvotes), redeliveries and deletes, with the
 * rankings written out at random points in between, not only at the end: every time they are,
 * tag-counts and trending-tags must equal what is recomputed from scratch from the papers live at
 * that moment, and every count carries its bucket's bounds. A small top N makes entries enter and
 * leave the rankings often.
 */
class InterleavedEmissionsPropertyTest extends RegistryTestBase {

  private static final List<String> TITLES =
      List.of(
          "Diffusion models for image generation",
          "Large language models as reasoning agents",
          "Reinforcement learning from human feedback",
          "Graph neural networks for molecules",
          "Efficient transformers with sparse attention",
          "Speech recognition with self-supervised learning",
          "Retrieval augmented generation for question answering");
  private static final List<String> ABSTRACTS =
      List.of(
          "We propose a diffusion model that improves sample quality on image benchmarks.",
          "We study chain-of-thought reasoning in large language models and agents.",
          "Reward models trained from human preference data guide policy optimization.",
          "Message passing networks predict molecular properties from graphs.",
          "Sparse attention reduces the quadratic cost of transformers on long sequences.",
          "");
  private static final LocalDate FIRST_DAY = LocalDate.of(2023, 12, 4);
  private static final int LOOKBACK = 2;
  private static final int TOP_N = 3;
  private static final Tagger TAGGER = PaperTagger.withDefaultTaxonomy();

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 99})
  void everyEmissionAgreesWithARecomputationFromTheLivePapers(long seed) {
    Random random = new Random(seed);
    Map<String, PaperEvent> live = new HashMap<>();
    PaperPulseStreamsConfig config =
        new PaperPulseStreamsConfig(
            Map.of(
                PaperPulseStreamsConfig.TRENDING_LOOKBACK_CONFIG, LOOKBACK,
                PaperPulseStreamsConfig.TOP_N_CONFIG, TOP_N));
    int checks = 0;
    try (TopologyHarness harness = new TopologyHarness(registry, config, TAGGER)) {
      for (int step = 0; step < 300; step++) {
        String id = "paper-" + random.nextInt(40);
        int action = random.nextInt(10);
        if (action < 2) {
          harness.delete(id);
          live.remove(id);
        } else if (action < 3 && live.containsKey(id)) {
          harness.upsert(live.get(id));
        } else if (action < 5 && live.containsKey(id)) {
          PaperEvent old = live.get(id);
          // an upvote-only change keeps the tags and moves only sums
          PaperEvent bumped =
              PaperEvent.newBuilder(old)
                  .setUpvotes(old.getUpvotes() + 1 + random.nextInt(5))
                  .build();
          harness.upsert(bumped);
          live.put(id, bumped);
        } else {
          PaperEvent paper =
              paper(
                  id,
                  TITLES.get(random.nextInt(TITLES.size())),
                  ABSTRACTS.get(random.nextInt(ABSTRACTS.size())),
                  FIRST_DAY.plusDays(random.nextInt(70)),
                  random.nextInt(30));
          harness.upsert(paper);
          live.put(id, paper);
        }
        if (random.nextInt(25) == 0 || step == 299) {
          assertAgreesWithRecomputation(harness, live);
          checks++;
        }
      }
    }
    assertThat(checks).isGreaterThan(5);
  }

  private static void assertAgreesWithRecomputation(
      TopologyHarness harness, Map<String, PaperEvent> live) {
    Map<TagCountKey, ExpectedCounts.Totals> expected =
        ExpectedCounts.recompute(live.values(), TAGGER, Granularity.DEFAULTS);
    Map<TagCountKey, TagCount> written = harness.tagCounts();
    Map<TagCountKey, ExpectedCounts.Totals> counts =
        written.entrySet().stream()
            .collect(
                Collectors.toMap(Map.Entry::getKey, e -> ExpectedCounts.Totals.of(e.getValue())));
    assertThat(counts).isEqualTo(expected);
    assertThat(written.values())
        .allSatisfy(
            count -> {
              Granularity granularity = Granularity.fromLabel(count.getGranularity());
              assertThat(count.getBucketEnd())
                  .isEqualTo(granularity.bucketEnd(count.getBucketStart()));
            });

    Map<TrendingKey, List<ExpectedRankings.Ranked>> rankings =
        ExpectedRankings.of(harness.trending());
    assertThat(rankings).isEqualTo(ExpectedRankings.recompute(expected, LOOKBACK, TOP_N));
  }
}
