package io.paperpulse.registry.server;

/** One write to a {@link SchemaStore}; a null value removes the key (a tombstone). */
public record StoreEntry(StoreKey key, StoreValue value) {

  public static StoreEntry tombstone(StoreKey key) {
    return new StoreEntry(key, null);
  }

  public boolean isTombstone() {
    return value == null;
  }
}
