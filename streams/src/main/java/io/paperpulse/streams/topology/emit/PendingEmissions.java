package io.paperpulse.streams.topology.emit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keys whose latest value has changed but not been forwarded yet. A processor marks a key on
 * every change and forwards each marked key once per emit interval (a wall-clock punctuation), so
 * a hot key changed a thousand times in one interval costs one output record, not a thousand.
 *
 * <p>The marks live in a changelogged store rather than in a field: they commit atomically with
 * the store changes and input offsets that caused them, so a crash after a commit and before the
 * next emission still emits after the restart. The store is in memory (it only holds the keys of
 * one interval) with caching, so repeated marks of one key write one changelog record per commit.
 * The store is only written here; the marks are also kept in a map, loaded from the store when
 * the task starts, because iterating a cached store walks every key deleted since the last
 * commit as well, and that grew with each emission between commits.
 *
 * @param <K> key of the emitted records
 */
public final class PendingEmissions<K> {

  private final KeyValueStore<K, Long> store;
  private final Map<K, Long> marks = new LinkedHashMap<>();

  /** Takes over the marks a previous run of the task left in {@code store}. */
  public PendingEmissions(KeyValueStore<K, Long> store) {
    this.store = store;
    try (KeyValueIterator<K, Long> it = store.all()) {
      it.forEachRemaining(mark -> marks.put(mark.key, mark.value));
    }
  }

  /**
   * How soon the broker may compact the marks' changelog. Nearly every mark is deleted within an
   * emit interval, so the compacted changelog is almost empty; but only closed segments are
   * compacted, and with the broker's defaults (a segment rolls at 1 GB or after 7 days) a restart
   * restored every mark and tombstone ever written, since an in-memory store restores from the
   * start: 5 million records, 36 s, after 200,000 papers. Segments that roll every five minutes
   * and are compacted within five minutes whatever their dirty ratio (a compacted log of marks is
   * mostly tombstones, so the ratio alone would rarely call the cleaner back), and tombstones
   * kept five minutes, bound that to the marks and tombstones of the last minutes.
   */
  static final Map<String, String> CHANGELOG_CONFIG = Map.of(
      TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofMinutes(5).toMillis()),
      TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofMinutes(5).toMillis()),
      TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(Duration.ofMinutes(5).toMillis()));

  /** The store this class needs, to be registered with the processor that uses it. */
  public static <K> StoreBuilder<KeyValueStore<K, Long>> storeBuilder(String name, Serde<K> keySerde) {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, Serdes.Long())
        .withCachingEnabled()
        .withLoggingEnabled(CHANGELOG_CONFIG);
  }

  /** Remembers that {@code key} changed, because of a record with this timestamp. */
  public void mark(K key, long timestamp) {
    store.put(key, timestamp);
    marks.put(key, timestamp);
  }

  /** Keys marked since the last drain. */
  public int size() {
    return marks.size();
  }

  /**
   * Hands every marked key, with the timestamp of the record behind its latest change, to
   * {@code emit} and clears the marks.
   */
  public void drain(BiConsumer<K, Long> emit) {
    List<Map.Entry<K, Long>> due = new ArrayList<>(marks.size());
    marks.forEach((key, timestamp) -> due.add(Map.entry(key, timestamp)));
    marks.clear();
    for (Map.Entry<K, Long> mark : due) {
      emit.accept(mark.getKey(), mark.getValue());
      store.delete(mark.getKey());
    }
  }
}
