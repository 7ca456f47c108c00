package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class TrendingStoreKeysTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

  @Test
  void aBucketKeyGivesBackItsRankingAlsoAtTheStartOfALongerKey() {
    Bytes bucket = TrendingStoreKeys.bucketPrefix(Granularity.MONTH, DAY);
    byte[] longer = Arrays.copyOf(bucket.get(), bucket.get().length + 9);
    longer[longer.length - 1] = 42;

    assertThat(TrendingStoreKeys.ranking(bucket)).isEqualTo(new TrendingKey("month", DAY));
    assertThat(TrendingStoreKeys.ranking(Bytes.wrap(longer)))
        .isEqualTo(new TrendingKey("month", DAY));
    assertThat(TrendingStoreKeys.bucketPrefix(Bytes.wrap(longer))).isEqualTo(bucket);
  }

  @Test
  void bucketKeysSeparateBucketsAndGranularitiesAndSortInTimeOrder() {
    assertThat(TrendingStoreKeys.bucketPrefix(Granularity.WEEK, DAY))
        .isNotEqualTo(TrendingStoreKeys.bucketPrefix(Granularity.WEEK, DAY.plusWeeks(1)))
        .isNotEqualTo(TrendingStoreKeys.bucketPrefix(Granularity.MONTH, DAY));
    // buckets before 1970 still sort before later ones
    assertThat(TrendingStoreKeys.bucketPrefix(Granularity.DAY, LocalDate.of(1960, 1, 1)))
        .isLessThan(TrendingStoreKeys.bucketPrefix(Granularity.DAY, LocalDate.of(1980, 1, 1)));
  }
}
