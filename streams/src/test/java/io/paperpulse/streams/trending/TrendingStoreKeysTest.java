package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class TrendingStoreKeysTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

  private static TrendingTag entry(String tag, double score, long count, long upvotes) {
    return new TrendingTag(tag, TagKind.KEYPHRASE, count, upvotes, score, 0);
  }

  @Test
  void indexKeysSortInRankingOrder() {
    List<TrendingTag> ranked =
        List.of(
            entry("a", 12.5, 1, 0),
            entry("b", 3.0, 9, 0),
            entry("c", 3.0, 2, 7),
            entry("a", 3.0, 2, 1),
            entry("b", 3.0, 2, 1),
            entry("z", 0.0, 100, 100),
            entry("y", -0.5, 1, 0),
            entry("x", -7.25, 50, 0));
    List<TrendingTag> shuffled = new ArrayList<>(ranked);
    Collections.shuffle(shuffled, new Random(7));

    shuffled.sort(
        (left, right) ->
            TrendingStoreKeys.indexKey(Granularity.DAY, DAY, left)
                .compareTo(TrendingStoreKeys.indexKey(Granularity.DAY, DAY, right)));

    assertThat(shuffled).containsExactlyElementsOf(ranked);
  }

  @Test
  void anIndexKeyAndValueGiveBackTheEntry() {
    for (TrendingTag entry :
        List.of(
            entry("a", -1.5, 3, 11),
            entry("large language models", 0.0, 1, 0),
            entry("détection", 7.25, 40, 3000))) {
      Bytes key = TrendingStoreKeys.indexKey(Granularity.MONTH, DAY, entry);

      assertThat(TrendingStoreKeys.entry(key, TrendingStoreKeys.indexValue(entry)))
          .isEqualTo(entry);
      assertThat(TrendingStoreKeys.ranking(key)).isEqualTo(new TrendingKey("month", DAY));
      assertThat(TrendingStoreKeys.bucketPrefix(key))
          .isEqualTo(TrendingStoreKeys.bucketPrefix(Granularity.MONTH, DAY));
    }
  }

  @Test
  void bucketPrefixSeparatesBucketsAndGranularities() {
    TrendingTag entry = entry("tag", 1.0, 1, 0);
    Bytes prefix = TrendingStoreKeys.bucketPrefix(Granularity.WEEK, DAY);
    Bytes inside = TrendingStoreKeys.indexKey(Granularity.WEEK, DAY, entry);
    Bytes nextBucket = TrendingStoreKeys.indexKey(Granularity.WEEK, DAY.plusWeeks(1), entry);
    Bytes otherGranularity = TrendingStoreKeys.indexKey(Granularity.MONTH, DAY, entry);

    assertThat(startsWith(inside, prefix)).isTrue();
    assertThat(startsWith(nextBucket, prefix)).isFalse();
    assertThat(startsWith(otherGranularity, prefix)).isFalse();
    // buckets before 1970 still sort before later ones
    assertThat(TrendingStoreKeys.bucketPrefix(Granularity.DAY, LocalDate.of(1960, 1, 1)))
        .isLessThan(TrendingStoreKeys.bucketPrefix(Granularity.DAY, LocalDate.of(1980, 1, 1)));
  }

  private static boolean startsWith(Bytes key, Bytes prefix) {
    byte[] k = key.get();
    byte[] p = prefix.get();
    if (k.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (k[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
