package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.RegistryTestBase;
import io.paperpulse.streams.testing.TopologyHarness;
import io.paperpulse.streams.testing.VocabularyTagger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replaying the same papers log gives the same results whatever the wall clock says: every decision
 * (validation included) is taken from the records.
 */
class ReplayTest extends RegistryTestBase {

  private static final Instant WRITTEN = Instant.parse("2024-03-01T09:00:00Z");

  /**
   * Papers written at {@link #WRITTEN}: one dated half a day after it (accepted), one three days
   * after (rejected).
   */
  private static List<PaperEvent> log() {
    List<PaperEvent> papers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      papers.add(
          paper(
              "p" + i,
              "Diffusion " + (i % 3),
              "sparse attention",
              LocalDate.of(2024, 2, 1 + i),
              i));
    }
    papers.add(
        PaperEvent.newBuilder(paper("soon", "Diffusion soon", "", LocalDate.of(2024, 3, 1), 1))
            .setPublishedAt(WRITTEN.plus(Duration.ofHours(12)))
            .build());
    papers.add(
        PaperEvent.newBuilder(paper("later", "Diffusion later", "", LocalDate.of(2024, 3, 1), 1))
            .setPublishedAt(WRITTEN.plus(Duration.ofDays(3)))
            .build());
    return papers;
  }

  private record Results(
      Map<TagCountKey, TagCount> counts,
      Map<TrendingKey, TrendingTags> rankings,
      int deadLetters) {}

  private Results replay(Instant wallClock) {
    try (TopologyHarness harness =
        new TopologyHarness(
            registry, new PaperPulseStreamsConfig(Map.of()), new VocabularyTagger(), wallClock)) {
      for (PaperEvent paper : log()) {
        harness.upsert(paper, WRITTEN);
      }
      return new Results(harness.tagCounts(), harness.trending(), harness.deadLetters().size());
    }
  }

  @Test
  void theSameLogGivesTheSameResultsUnderAnyWallClock() {
    Results replayedAtTheTime = replay(WRITTEN);
    Results replayedYearsLater =
        replay(LocalDate.of(2031, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant());

    assertThat(replayedAtTheTime.deadLetters())
        .as("the paper dated three days after its record")
        .isEqualTo(1);
    assertThat(replayedYearsLater).isEqualTo(replayedAtTheTime);
    assertThat(replayedAtTheTime.counts())
        .containsKey(new TagCountKey("soon", "day", LocalDate.of(2024, 3, 1)));
  }
}
