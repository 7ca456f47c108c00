package io.paperpulse.streams.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GranularityTest {

  @Test
  void storeCodesAreFixedPerGranularityAndReadBack() {
    // state store keys hold these bytes: changing one would misread every stored key
    assertThat(Granularity.DAY.code()).isEqualTo((byte) 0);
    assertThat(Granularity.WEEK.code()).isEqualTo((byte) 1);
    assertThat(Granularity.MONTH.code()).isEqualTo((byte) 2);
    assertThat(Granularity.YEAR.code()).isEqualTo((byte) 3);
    for (Granularity granularity : Granularity.values()) {
      assertThat(Granularity.fromCode(granularity.code())).isEqualTo(granularity);
    }
    assertThatThrownBy(() -> Granularity.fromCode((byte) 9)).hasMessageContaining("9");
  }

  @Test
  void bucketsAreCalendarRangesInUtc() {
    LocalDate sunday = LocalDate.of(2024, 1, 14);

    assertThat(Granularity.DAY.bucketStart(sunday)).isEqualTo(sunday);
    assertThat(Granularity.WEEK.bucketStart(sunday)).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(Granularity.WEEK.bucketStart(LocalDate.of(2024, 1, 8)))
        .isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(Granularity.MONTH.bucketEnd(LocalDate.of(2024, 2, 1)))
        .isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(Granularity.YEAR.bucketStart(sunday)).isEqualTo(LocalDate.of(2024, 1, 1));
    // 23:30 UTC is still the same day whatever the machine's zone
    assertThat(Granularity.DAY.bucketStart(Instant.parse("2024-01-14T23:30:00Z")))
        .isEqualTo(sunday);
  }

  @Test
  void previousAndNextWalkAdjacentBuckets() {
    assertThat(Granularity.WEEK.previous(LocalDate.of(2024, 1, 1)))
        .isEqualTo(LocalDate.of(2023, 12, 25));
    assertThat(Granularity.MONTH.previous(LocalDate.of(2024, 3, 1)))
        .isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Granularity.DAY.next(LocalDate.of(2024, 2, 28)))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    for (Granularity granularity : Granularity.values()) {
      LocalDate start = granularity.bucketStart(LocalDate.of(2023, 7, 19));
      assertThat(granularity.previous(granularity.next(start))).isEqualTo(start);
    }
  }

  @Test
  void epochDayStepsAgreeWithDateSteps() {
    for (Granularity granularity : Granularity.values()) {
      // across 1970 and leap days, buckets before the epoch included
      LocalDate start = granularity.bucketStart(LocalDate.of(1967, 11, 3));
      for (int i = 0; i < 1200; i++, start = granularity.next(start)) {
        assertThat(granularity.next(start.toEpochDay()))
            .as("%s after %s", granularity, start)
            .isEqualTo(granularity.next(start).toEpochDay());
        assertThat(granularity.previous(start.toEpochDay()))
            .as("%s before %s", granularity, start)
            .isEqualTo(granularity.previous(start).toEpochDay());
      }
    }
  }

  @Test
  void parsesLabels() {
    assertThat(Granularity.parseList("month, DAY,month"))
        .containsExactly(Granularity.DAY, Granularity.MONTH);
    assertThatThrownBy(() -> Granularity.fromLabel("hour")).hasMessageContaining("hour");
  }
}
