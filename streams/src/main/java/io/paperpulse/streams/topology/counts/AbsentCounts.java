package io.paperpulse.streams.topology.counts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;

/**
 * Count keys known to be absent from the counting task's store, most recently used last.
 *
 * <p>Scoring reads a window of buckets around every changed count, and for day buckets most of
 * them are empty. The record cache remembers only keys that exist, so each empty bucket cost a
 * RocksDB lookup at every emission that touched its window. The counting task is the only writer
 * of its store, so it can keep this set exact: a key leaves it when a count is written and joins
 * it when the count is deleted or a read finds nothing. It is derived, in memory only, and starts
 * empty with the task, so a restart or a restore cannot make it stale. Its size is bounded; the
 * least recently used keys are forgotten first.
 */
public final class AbsentCounts {

  private final Map<Bytes, Boolean> keys;

  public AbsentCounts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.keys = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Bytes, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True if the store is known to hold no count under {@code key}. */
  public boolean contains(Bytes key) {
    return keys.get(key) != null;
  }

  /** The store holds no count under {@code key}: it was deleted, or a read found nothing. */
  public void add(Bytes key) {
    keys.put(key, Boolean.TRUE);
  }

  /** A count was written under {@code key}. */
  public void remove(Bytes key) {
    keys.remove(key);
  }

  public int size() {
    return keys.size();
  }
}
