package io.paperpulse.streams.topology.counts;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every count of one counting task, in memory, for the task's own reads: the count a change applies
 * to, the baselines of alerts and the counts around each change a trend score needs. A read is a
 * hash probe, where a read of the counting store is a record-cache lookup that goes on to RocksDB
 * for every bucket without a count, which most buckets of a baseline are.
 *
 * <p>The counting store stays the durable copy, the source of {@code tag-counts} and of the API's
 * reads: the counting task writes every change to both, and the table is loaded from the store when
 * the task starts ({@link #load}), after the store is restored.
 *
 * <p>A count is held under one {@code long}: the tag's number in this table (28 bits), the
 * granularity's code (4 bits) and the bucket's epoch day (32 bits), so a count costs about 50 bytes
 * of heap.
 */
public final class CountTable {

  private static final int MAX_TAGS = 1 << 28;

  private final ObjectIntHashMap<String> tagNumbers = new ObjectIntHashMap<>();
  private final List<String> tags = new ArrayList<>();
  private final LongObjectHashMap<Count> counts = new LongObjectHashMap<>();

  /**
   * The tag last looked up, by identity, and its number (-1: none yet): a change is applied to
   * every granularity and its baselines are read right after, all with the same tag object.
   */
  private String lastTag;

  private int lastNumber = -1;

  /** A table of every count in {@code store}. */
  public static CountTable load(KeyValueStore<Bytes, Count> store) {
    CountTable table = new CountTable();
    try (KeyValueIterator<Bytes, Count> it = store.all()) {
      it.forEachRemaining(entry -> table.put(CountKey.of(entry.key), entry.value));
    }
    return table;
  }

  /** The count under {@code key}, null when it has no paper. */
  public Count get(CountKey key) {
    int tag = find(key.tag());
    return tag < 0 ? null : counts.get(code(tag, key.granularity(), key.bucketStart()));
  }

  /** Sets the count under {@code key}; null removes it. */
  public void put(CountKey key, Count count) {
    if (count == null) {
      int tag = find(key.tag());
      if (tag >= 0) {
        counts.remove(code(tag, key.granularity(), key.bucketStart()));
      }
      return;
    }
    counts.put(code(number(key.tag()), key.granularity(), key.bucketStart()), count);
  }

  /**
   * The paper counts of the {@code lookback} buckets before the one of {@code key}, nearest first,
   * 0 for a bucket without a paper: the history a trend score's baseline is the mean of.
   */
  public long[] history(CountKey key, int lookback) {
    long[] history = new long[lookback];
    CountKey past = key;
    for (int i = 0; i < lookback; i++) {
      past = past.shifted(-1);
      Count count = get(past);
      history[i] = count == null ? 0 : count.papers();
    }
    return history;
  }

  public int size() {
    return counts.size();
  }

  /** Every count, in no particular order. */
  public void forEach(BiConsumer<CountKey, Count> action) {
    for (LongObjectCursor<Count> entry : counts) {
      long code = entry.key;
      action.accept(
          new CountKey(
              Granularity.fromCode((byte) ((code >>> 32) & 0xF)),
              tags.get((int) (code >>> 36)),
              LocalDate.ofEpochDay((int) code)),
          entry.value);
    }
  }

  /**
   * The number of {@code tag}, given to it when first seen; a tag keeps it for the table's life.
   */
  private int number(String tag) {
    int number = find(tag);
    if (number < 0) {
      number = tags.size();
      if (number == MAX_TAGS) {
        throw new IllegalStateException("more than " + MAX_TAGS + " tags in one counting task");
      }
      tagNumbers.put(tag, number);
      tags.add(tag);
      lastNumber = number;
    }
    return number;
  }

  /** The number of {@code tag}, -1 when it has none. */
  private int find(String tag) {
    if (tag != lastTag) {
      lastNumber = tagNumbers.getOrDefault(tag, -1);
      lastTag = tag;
    }
    return lastNumber;
  }

  private static long code(int tag, Granularity granularity, LocalDate bucketStart) {
    return ((long) tag << 36)
        | ((long) granularity.code() << 32)
        | ((int) bucketStart.toEpochDay() & 0xFFFFFFFFL);
  }
}
