package io.paperpulse.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes from a key-value store without reading the value first.
 *
 * <p>{@link KeyValueStore#delete} returns the old value, so a persistent store reads it (a RocksDB
 * get, or a record cache lookup that may fall through to one) before deleting; a put of null is the
 * same delete, documented as such by {@link KeyValueStore#put}, without the read. The stores of the
 * topology never need the old value of a key they delete.
 */
public final class BlindDeletes {

  private BlindDeletes() {}

  public static <K, V> void delete(KeyValueStore<K, V> store, K key) {
    store.put(key, null);
  }
}
