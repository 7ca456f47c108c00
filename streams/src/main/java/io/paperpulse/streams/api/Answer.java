package io.paperpulse.streams.api;

/**
 * Outcome of a query that may need other instances: errors are data, so the HTTP layer maps every
 * case to a status without catching anything.
 */
public sealed interface Answer<T> {

  /** The value, and the {@code host:port} (or "local") of the instance whose stores held it. */
  record Found<T>(T value, String servedBy) implements Answer<T> {}

  /** The stores are queryable and hold nothing for the request. */
  record Missing<T>(String message) implements Answer<T> {}

  /**
   * No complete answer right now (rebalancing, restoring, an owner unreachable); ask again later.
   */
  record Unavailable<T>(String reason) implements Answer<T> {}

  /** The request itself is wrong (unknown granularity, malformed date...). */
  record Invalid<T>(String message) implements Answer<T> {}
}
