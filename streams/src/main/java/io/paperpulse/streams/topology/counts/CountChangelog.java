package io.paperpulse.streams.topology.counts;

import io.paperpulse.streams.buckets.Granularity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which counts the count store's changelog holds, and how a restore rebuilds the others.
 *
 * <p>A count of a coarse bucket is the sum of the counts of the finer buckets it is made of: a
 * week, month or year is whole days, a year whole months. So the changelog holds the counts of the
 * finest configured granularity (the base; days by default) and of any configured granularity that
 * is not made of base buckets (weeks, when months are the base), and a restore adds every restored
 * base count to the buckets of the other granularities that contain it. With the four default
 * granularities that is one changelog record per changed day count instead of one per changed
 * count, and the counts restored are the same.
 *
 * <p>A derived count takes the kind of the base count restored last into it. Live, the latest
 * addition decides a count's kind; both agree because a tag's kind is the same in every paper (a
 * keyphrase naming a topic becomes the topic).
 *
 * <p>Records of derived granularities found in a changelog written before this rule are skipped:
 * the base counts restore them. The broker keeps such records until they are deleted by hand or the
 * application is reset, since nothing writes their tombstones.
 */
final class CountChangelog {

  private final Granularity base;
  private final Set<Granularity> derived = EnumSet.noneOf(Granularity.class);

  CountChangelog(List<Granularity> granularities) {
    if (granularities.isEmpty()) {
      throw new IllegalArgumentException("at least one granularity is counted");
    }
    this.base = finest(granularities);
    for (Granularity granularity : granularities) {
      if (granularity != base && granularity.isMadeOf(base)) {
        derived.add(granularity);
      }
    }
  }

  /** Whether counts of {@code granularity} are written to the changelog. */
  boolean logs(Granularity granularity) {
    return !derived.contains(granularity);
  }

  /** Restores one changelog record, {@code count} null for a tombstone, into {@code table}. */
  void restore(CountTable table, CountKey key, Count count) {
    if (derived.contains(key.granularity())) {
      return;
    }
    int tag = table.tagNumber(key.tag());
    long code = CountTable.code(tag, key.granularity(), key.bucketStart());
    Count before = table.get(code);
    table.put(code, count);
    if (key.granularity() != base) {
      return;
    }
    for (Granularity granularity : derived) {
      long coarse = CountTable.code(tag, granularity, granularity.bucketStart(key.bucketStart()));
      table.put(coarse, Count.shift(table.get(coarse), before, count));
    }
  }

  /** The granularity the most others are made of: days when they are counted. */
  private static Granularity finest(List<Granularity> granularities) {
    Granularity finest = null;
    long most = -1;
    for (Granularity candidate : granularities) {
      long madeOfIt = granularities.stream().filter(g -> g.isMadeOf(candidate)).count();
      if (madeOfIt > most) {
        finest = candidate;
        most = madeOfIt;
      }
    }
    return finest;
  }
}
