package io.paperpulse.streams.topology.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class AbsentCountsTest {

  private static Bytes key(String tag) {
    return CountStoreKeys.of(Granularity.DAY, tag, LocalDate.of(2024, 3, 1));
  }

  @Test
  void aKeyIsAbsentFromItsAdditionUntilItIsRemoved() {
    AbsentCounts absent = new AbsentCounts(10);
    assertThat(absent.contains(key("diffusion"))).isFalse();

    absent.add(key("diffusion"));
    assertThat(absent.contains(key("diffusion"))).as("an equal key built anew").isTrue();
    assertThat(absent.contains(key("attention"))).isFalse();

    absent.remove(key("diffusion"));
    assertThat(absent.contains(key("diffusion"))).isFalse();
  }

  @Test
  void forgetsTheLeastRecentlyUsedKeyBeyondItsCapacity() {
    AbsentCounts absent = new AbsentCounts(2);
    absent.add(key("a"));
    absent.add(key("b"));
    assertThat(absent.contains(key("a"))).isTrue(); // "a" is now the most recently used

    absent.add(key("c"));

    assertThat(absent.size()).isEqualTo(2);
    assertThat(absent.contains(key("b"))).isFalse();
    assertThat(absent.contains(key("a"))).isTrue();
    assertThat(absent.contains(key("c"))).isTrue();
  }

  @Test
  void refusesAnEmptyCapacity() {
    assertThatThrownBy(() -> new AbsentCounts(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
