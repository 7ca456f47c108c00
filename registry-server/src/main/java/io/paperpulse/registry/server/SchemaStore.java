package io.paperpulse.registry.server;

import java.util.List;

/**
 * Durable log of registry state. The registry reads it once when it starts and then is its only
 * writer, keeping the current state in memory.
 */
public interface SchemaStore extends AutoCloseable {

  /**
   * The live entries (latest value per key, tombstoned keys left out), in the order they were
   * written.
   */
  List<StoreEntry> load();

  /** Persists one entry; returns only once it is durable, and throws if it could not be written. */
  void write(StoreEntry entry);

  @Override
  void close();
}
