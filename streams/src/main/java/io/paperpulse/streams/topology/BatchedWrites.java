package io.paperpulse.streams.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes to a key-value store in batches of {@value #BATCH} with {@link KeyValueStore#putAll},
 * which a RocksDB store applies as one write batch instead of one native write per key; a null
 * value deletes. For rebuilding a derived store, where many keys are written in a row. Close to
 * write the rest.
 */
public final class BatchedWrites<K, V> implements AutoCloseable {

  private static final int BATCH = 10_000;

  private final KeyValueStore<K, V> store;
  private final List<KeyValue<K, V>> pending = new ArrayList<>(BATCH);

  public BatchedWrites(KeyValueStore<K, V> store) {
    this.store = store;
  }

  public void put(K key, V value) {
    pending.add(KeyValue.pair(key, value));
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void flush() {
    if (!pending.isEmpty()) {
      store.putAll(pending);
      pending.clear();
    }
  }
}
