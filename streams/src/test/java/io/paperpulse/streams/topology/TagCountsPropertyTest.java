package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.testing.ExpectedCounts;
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
 * Random histories of inserts, updates (text, date, upvotes) and deletes over a few dozen ids,
 * with the production tagger: the final tag-counts must equal counts recomputed from scratch from
 * the final papers.
 */
class TagCountsPropertyTest extends RegistryTestBase {

  private static final List<String> TITLES = List.of(
      "Diffusion models for image generation",
      "Large language models as reasoning agents",
      "Reinforcement learning from human feedback",
      "Graph neural networks for molecules",
      "Efficient transformers with sparse attention",
      "Speech recognition with self-supervised learning");
  private static final List<String> ABSTRACTS = List.of(
      "We propose a diffusion model that improves sample quality on image benchmarks.",
      "We study chain-of-thought reasoning in large language models and agents.",
      "Reward models trained from human preference data guide policy optimization.",
      "Message passing networks predict molecular properties from graphs.",
      "Sparse attention reduces the quadratic cost of transformers on long sequences.",
      "");
  private static final LocalDate FIRST_DAY = LocalDate.of(2023, 11, 20);

  private static final Tagger TAGGER = PaperTagger.withDefaultTaxonomy();

  @ParameterizedTest
  @ValueSource(longs = {11, 42, 2024})
  void finalCountsEqualCountsRecomputedFromTheFinalPapers(long seed) {
    Random random = new Random(seed);
    Map<String, PaperEvent> live = new HashMap<>();
    // a one-bucket trending lookback keeps the ranking fan-out (not under test here) small
    TopologyConfig config = TopologyConfig.defaults().withTrending(1, 5);
    try (TopologyHarness harness = new TopologyHarness(registry, config, TAGGER)) {
      for (int step = 0; step < 150; step++) {
        String id = "paper-" + random.nextInt(30);
        int action = random.nextInt(10);
        if (action < 2) {
          harness.delete(id);
          live.remove(id);
        } else if (action < 3 && live.containsKey(id)) {
          harness.upsert(live.get(id)); // redelivery
        } else {
          PaperEvent paper = paper(
              id,
              TITLES.get(random.nextInt(TITLES.size())),
              ABSTRACTS.get(random.nextInt(ABSTRACTS.size())),
              FIRST_DAY.plusDays(random.nextInt(75)),
              random.nextInt(30));
          harness.upsert(paper);
          live.put(id, paper);
        }
      }
      Map<TagCountKey, TagCount> counts = harness.tagCounts();

      Map<TagCountKey, ExpectedCounts.Totals> actual = counts.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> ExpectedCounts.Totals.of(e.getValue())));
      Map<TagCountKey, ExpectedCounts.Totals> expected =
          ExpectedCounts.recompute(live.values(), TAGGER, Granularity.DEFAULTS);
      assertThat(expected).isNotEmpty();
      assertThat(actual).isEqualTo(expected);
      assertThat(counts.values()).allSatisfy(count -> {
        Granularity granularity = Granularity.fromLabel(count.getGranularity());
        assertThat(count.getBucketEnd()).isEqualTo(granularity.bucketEnd(count.getBucketStart()));
      });
    }
  }
}
