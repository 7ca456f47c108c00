package io.paperpulse.registry.server;

/** What a {@link StoreEntry} is about; the latest entry per key is the state (a compacted log). */
public sealed interface StoreKey {

  /** One version of one subject. */
  record SchemaVersion(String subject, int version) implements StoreKey {}

  /** Compatibility config of one subject, or the global one when {@code subject} is null. */
  record Config(String subject) implements StoreKey {}

  /** Mode of one subject, or the global mode when {@code subject} is null. */
  record Mode(String subject) implements StoreKey {}

  /**
   * The highest schema id ever handed out. Written when a permanent delete removes that id, so a
   * restarted registry never hands the same id to a different schema.
   */
  record IdWatermark() implements StoreKey {}
}
