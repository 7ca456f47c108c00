package io.paperpulse.streams.topology.emit;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Lets a processor forward what its cached store writes through, as the DSL's aggregations do:
 * every key changed since the last commit once, with its latest value (null once deleted), when the
 * record cache is flushed, which Kafka Streams does right before every commit (and when the cache
 * is full). A key changed a thousand times in a commit interval is forwarded once, and what is
 * forwarded commits in the same transaction as the store change and the input offsets behind it, on
 * every path that commits: the commit interval, a rebalance, a clean close.
 *
 * <p>The DSL wires its aggregations to the cache this way, but Kafka Streams has no public API for
 * it in the Processor API; this class is the one place that reaches into the internals it needs
 * ({@code WrappedStateStore#setFlushListener}, and the processor context's current node, which must
 * be the processor's own while it forwards outside of {@code process}).
 */
public final class ForwardOnFlush {

  /** Receives one key of the store as it is flushed. */
  @FunctionalInterface
  public interface Flushed<K, V> {
    /**
     * @param value the latest value, null when the key was deleted
     * @param timestamp the timestamp of the record behind the latest write
     */
    void accept(K key, V value, long timestamp);
  }

  private ForwardOnFlush() {}

  /**
   * Calls {@code flushed} for every key of {@code store} the cache writes through, with the
   * processor's node current so that it may forward. Call from the processor's {@code init}.
   *
   * @throws IllegalStateException if the store has no record cache
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> void register(
      KeyValueStore<K, V> store, ProcessorContext<?, ?> context, Flushed<K, V> flushed) {
    InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
    ProcessorNode node = internal.currentNode();
    boolean cached =
        ((WrappedStateStore<?, K, V>) store)
            .setFlushListener(
                record -> {
                  ProcessorNode previous = internal.currentNode();
                  internal.setCurrentNode(node);
                  try {
                    flushed.accept(record.key(), record.value().newValue, record.timestamp());
                  } finally {
                    internal.setCurrentNode(previous);
                  }
                },
                false);
    if (!cached) {
      throw new IllegalStateException(
          "store " + store.name() + " must have caching enabled to forward on flush");
    }
  }
}
