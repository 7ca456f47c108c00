package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendScoreTest {

  @Test
  void workedExampleOfTheDocumentation() {
    // docs/trending.md: a steady common tag, a growing tag and a new tag
    assertThat(TrendScore.score(40, new long[] {40, 38, 42, 40})).isCloseTo(0.0, within(1e-12));
    assertThat(TrendScore.score(12, new long[] {3, 4, 2, 3})).isCloseTo(4.5, within(1e-12));
    assertThat(TrendScore.score(5, new long[] {0, 0, 0, 0})).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void decliningTagsScoreBelowZeroAndNegativeZeroIsZero() {
    assertThat(TrendScore.score(1, new long[] {9, 9})).isCloseTo(-8 / Math.sqrt(10), within(1e-12));
    assertThat(Double.doubleToLongBits(TrendScore.score(0, new long[] {0})))
        .isEqualTo(Double.doubleToLongBits(0.0));
  }
}
