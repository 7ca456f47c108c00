package io.paperpulse.streams.topology.counts;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every count of one counting task, in memory: what {@link CountStore} holds, and what the task
 * reads, the count a change applies to, the baselines of alerts and the counts around each change a
 * trend score needs, each read a hash probe.
 *
 * <p>A count is held under one {@code long} code: the tag's number in this table (28 bits), the
 * granularity's code (4 bits) and the bucket's epoch day with its sign flipped (32 bits), so a
 * count costs about 50 bytes of heap, and codes in numeric order are grouped by tag and granularity
 * and in time order within. The counting task finds a tag's number once per change and works on
 * codes from there.
 *
 * <p>One thread writes it, the counting task's, and reads it without a lock. Every write holds the
 * table's lock, so readers on other threads (interactive queries, through {@link CountStore}) that
 * hold it too see a table no write is changing.
 */
public final class CountTable {

  private static final int MAX_TAGS = 1 << 28;
  private static final long BUCKET_BITS = 0xFFFFFFFFL;

  /** Flips the sign of a bucket's epoch day, so days before 1970 sort before the ones after. */
  private static final long DAY_SIGN = 0x80000000L;

  private final ObjectIntHashMap<String> tagNumbers = new ObjectIntHashMap<>();
  private final List<String> tags = new ArrayList<>();
  private final LongObjectHashMap<Count> counts = new LongObjectHashMap<>();

  /** The code of the count of tag number {@code tag} ({@link #tagNumber}) in a bucket. */
  public static long code(int tag, Granularity granularity, LocalDate bucketStart) {
    return withDay(
        ((long) tag << 36) | ((long) granularity.code() << 32), bucketStart.toEpochDay());
  }

  /** The code of the same tag and granularity in the bucket starting on epoch day {@code day}. */
  public static long withDay(long code, long day) {
    return (code & ~BUCKET_BITS) | (((int) day & BUCKET_BITS) ^ DAY_SIGN);
  }

  /** The epoch day the bucket of {@code code} starts on. */
  public static long day(long code) {
    return (int) ((code & BUCKET_BITS) ^ DAY_SIGN);
  }

  /** The first day of the bucket of {@code code}. */
  public static LocalDate bucketStart(long code) {
    return LocalDate.ofEpochDay(day(code));
  }

  /** The granularity of {@code code}. */
  public static Granularity granularity(long code) {
    return Granularity.fromCode((byte) ((code >>> 32) & 0xF));
  }

  /** Whether two codes are of the same tag in the same granularity. */
  public static boolean sameSeries(long code, long other) {
    return (code & ~BUCKET_BITS) == (other & ~BUCKET_BITS);
  }

  /** The name of the tag of {@code code}. */
  public String tag(long code) {
    return tags.get((int) (code >>> 36));
  }

  /**
   * The number of {@code tag}, given to it when first seen; a tag keeps it for the table's life.
   */
  public int tagNumber(String tag) {
    int number = tagNumbers.getOrDefault(tag, -1);
    return number >= 0 ? number : newTag(tag);
  }

  private synchronized int newTag(String tag) {
    int number = tags.size();
    if (number == MAX_TAGS) {
      throw new IllegalStateException("more than " + MAX_TAGS + " tags in one counting task");
    }
    tagNumbers.put(tag, number);
    tags.add(tag);
    return number;
  }

  /** The count under {@code code}, null when it has no paper. */
  public Count get(long code) {
    return counts.get(code);
  }

  /** The count under {@code key}, null when it has no paper. */
  public Count get(CountKey key) {
    int tag = tagNumbers.getOrDefault(key.tag(), -1);
    return tag < 0 ? null : counts.get(code(tag, key.granularity(), key.bucketStart()));
  }

  /** Sets the count under {@code code}; null removes it. */
  public synchronized void put(long code, Count count) {
    if (count == null) {
      counts.remove(code);
    } else {
      counts.put(code, count);
    }
  }

  /**
   * Sets the count under {@code key}; null removes it.
   *
   * @return the code the count is kept under
   */
  public synchronized long put(CountKey key, Count count) {
    long code = code(tagNumber(key.tag()), key.granularity(), key.bucketStart());
    put(code, count);
    return code;
  }

  /** The key of a count's {@code code}. */
  public CountKey key(long code) {
    return new CountKey(granularity(code), tag(code), bucketStart(code));
  }

  /**
   * The paper counts of the {@code lookback} buckets before the one of {@code code}, nearest first,
   * 0 for a bucket without a paper: the history a trend score's baseline is the mean of.
   */
  public long[] history(long code, int lookback) {
    Granularity granularity = granularity(code);
    long day = day(code);
    long[] history = new long[lookback];
    for (int i = 0; i < lookback; i++) {
      day = granularity.previous(day);
      Count count = counts.get(withDay(code, day));
      history[i] = count == null ? 0 : count.papers();
    }
    return history;
  }

  /**
   * Every count of {@code tag} in {@code granularity}, oldest bucket first. It looks at every count
   * of the table.
   */
  public List<Map.Entry<CountKey, Count>> series(Granularity granularity, String tag) {
    int number = tagNumbers.getOrDefault(tag, -1);
    List<Map.Entry<CountKey, Count>> series = new ArrayList<>();
    if (number < 0) {
      return series;
    }
    long seriesCode = code(number, granularity, LocalDate.EPOCH);
    for (LongObjectCursor<Count> entry : counts) {
      if (sameSeries(entry.key, seriesCode)) {
        series.add(Map.entry(key(entry.key), entry.value));
      }
    }
    series.sort(Map.Entry.comparingByKey(Comparator.comparing(CountKey::bucketStart)));
    return series;
  }

  public int size() {
    return counts.size();
  }

  /** Removes every count and forgets every tag number. */
  public synchronized void clear() {
    counts.clear();
    tagNumbers.clear();
    tags.clear();
  }

  /** Every count with its code, in no particular order. */
  public void forEach(CodeConsumer action) {
    for (LongObjectCursor<Count> entry : counts) {
      action.accept(entry.key, entry.value);
    }
  }

  /** Receives a count and its code. */
  @FunctionalInterface
  public interface CodeConsumer {
    void accept(long code, Count count);
  }
}
