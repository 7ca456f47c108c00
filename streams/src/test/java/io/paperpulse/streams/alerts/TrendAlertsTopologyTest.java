package io.paperpulse.streams.alerts;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyHarness;
import io.paperpulse.streams.testing.TopologyTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * trend-alerts: one alert when a tag's score in a bucket crosses the threshold, none while it stays
 * above, another after it fell below and rose again; the same input always gives the same alerts.
 */
class TrendAlertsTopologyTest extends TopologyTestBase {

  /** Monday of the week where "diffusion" takes off; the four weeks before hold one paper each. */
  private static final LocalDate BURST_WEEK = LocalDate.of(2024, 3, 4);

  @Override
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(
        Map.of(PaperPulseStreamsConfig.GRANULARITIES_CONFIG, List.of(Granularity.WEEK)));
  }

  private static void baseline(TopologyHarness target) {
    for (int week = 4; week >= 1; week--) {
      target.upsert(paper("base-" + week, "Diffusion", "", BURST_WEEK.minusWeeks(week), 1));
    }
  }

  private static void burst(TopologyHarness target, int from, int to) {
    for (int i = from; i < to; i++) {
      target.upsert(paper("burst-" + i, "Diffusion", "", BURST_WEEK.plusDays(i % 7), i));
    }
  }

  @Test
  void aTagThatTakesOffIsAnnouncedOnceUntilItFallsBelowAndRisesAgain() {
    baseline(harness);
    // baseline 1 a week: score (c - 1) / sqrt(2) reaches 3 at the sixth paper
    burst(harness, 0, 5);
    assertThat(harness.newAlerts()).isEmpty();
    burst(harness, 5, 6);
    List<TrendAlert> first = harness.newAlerts();
    assertThat(first)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getTag()).isEqualTo("diffusion");
              assertThat(alert.getGranularity()).isEqualTo("week");
              assertThat(alert.getBucketStart()).isEqualTo(BURST_WEEK);
              assertThat(alert.getBucketEnd()).isEqualTo(BURST_WEEK.plusWeeks(1));
              assertThat(alert.getPaperCount()).isEqualTo(6);
              assertThat(alert.getUpvoteSum()).isEqualTo(0 + 1 + 2 + 3 + 4 + 5);
              assertThat(alert.getBaseline()).isEqualTo(1.0);
              assertThat(alert.getScore()).isEqualTo(5 / Math.sqrt(2));
            });

    burst(harness, 6, 10);
    assertThat(harness.newAlerts()).as("still above: no second alert").isEmpty();

    for (int i = 0; i < 6; i++) {
      harness.delete("burst-" + i);
    }
    assertThat(harness.newAlerts()).as("falling below announces nothing").isEmpty();
    burst(harness, 0, 3);
    assertThat(harness.newAlerts())
        .as("above again")
        .singleElement()
        .satisfies(alert -> assertThat(alert.getPaperCount()).isEqualTo(6));
  }

  @Test
  void aBucketFilledBeforeItsPastStillComparesWithThePastAsItArrives() {
    // the burst week first: with no baseline yet its third paper scores 3 and is announced
    burst(harness, 0, 3);
    assertThat(harness.newAlerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getPaperCount()).isEqualTo(3);
              assertThat(alert.getBaseline()).isZero();
            });
    // the weeks before arrive later and only move the baseline: nothing is announced or retracted
    baseline(harness);
    burst(harness, 3, 4);
    assertThat(harness.newAlerts()).isEmpty();
  }

  @Test
  void aBaselineThatRoseSinceTheLastScoreIsReadAgain() {
    burst(harness, 0, 3);
    assertThat(harness.newAlerts())
        .singleElement()
        .satisfies(a -> assertThat(a.getBaseline()).isZero());
    harness.delete("burst-2");
    // two papers in the week before: the burst week's baseline is now 0.5
    harness.upsert(paper("before-1", "Diffusion", "", BURST_WEEK.minusWeeks(1), 0));
    harness.upsert(paper("before-2", "Diffusion", "", BURST_WEEK.minusWeeks(1).plusDays(1), 0));
    burst(harness, 2, 3);
    // (3 - 0.5) / sqrt(1.5) = 2.04: below, whereas the baseline read at the first alert would give
    // 3
    assertThat(harness.newAlerts()).isEmpty();
    burst(harness, 3, 5);
    assertThat(harness.newAlerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getPaperCount()).isEqualTo(5);
              assertThat(alert.getBaseline()).isEqualTo(0.5);
            });
  }

  @Test
  void theSameInputGivesTheSameAlerts() {
    List<List<TrendAlert>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (TopologyHarness replay =
          new TopologyHarness(
              registry, config(), tagger, TopologyHarness.NOW.plusSeconds(run * 86_400L))) {
        baseline(replay);
        burst(replay, 0, 8);
        replay.delete("burst-3");
        replay.emit();
        burst(replay, 8, 12);
        runs.add(replay.newAlerts());
      }
    }
    assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
  }
}
