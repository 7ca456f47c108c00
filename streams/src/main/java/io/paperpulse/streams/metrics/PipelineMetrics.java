package io.paperpulse.streams.metrics;

/**
 * What the topology reports while it processes. The topology stays a pure function of its inputs:
 * it only calls these hooks, and {@link #NONE} keeps tests and tools that do not care free of any
 * metrics library. Implementations must be thread-safe (every stream thread calls them).
 */
public interface PipelineMetrics {

  /** Reports nothing. */
  PipelineMetrics NONE = new PipelineMetrics() {};

  /** How an accepted paper record changed the latest version of its paper. */
  enum PaperOutcome {
    ADDED,
    UPDATED,
    DELETED,
    UNCHANGED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An accepted record of the papers topic was applied. */
  default void paperProcessed(PaperOutcome outcome) {}

  /** A new or changed paper version received this many tags. */
  default void paperTagged(int tagCount) {}

  /** A record was rejected; {@code reason} is the validation rule or "deserialization". */
  default void invalidRecord(String reason) {}

  /** A record was written to the dead-letter topic by the named stage. */
  default void deadLettered(String stage) {}

  /**
   * A tag count changed {@code latencyMillis} after the paper record that caused it was written to
   * the papers topic (its record timestamp).
   */
  default void countUpdated(long latencyMillis) {}
}
