package io.paperpulse.registry.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the log in memory: for tests, and for a throw-away embedded registry. Sharing one instance
 * between two servers started one after the other behaves like a restart on persistent storage.
 */
public final class InMemorySchemaStore implements SchemaStore {

  private final Map<StoreKey, StoreEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized List<StoreEntry> load() {
    return new ArrayList<>(entries.values());
  }

  @Override
  public synchronized void write(StoreEntry entry) {
    entries.remove(entry.key());
    if (!entry.isTombstone()) {
      entries.put(entry.key(), entry);
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
