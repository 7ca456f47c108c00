package io.paperpulse.streams.topology.counts;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.paperpulse.streams.buckets.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The counts of one counting task: in memory ({@link CountTable}), logged to a changelog, and each
 * count that changed since the last commit written once, with its latest value, to the changelog
 * and to a listener right before the commit.
 *
 * <p>That is what a cached, logged RocksDB store does for an aggregation, for the one store whose
 * every change the task writes: the record cache keeps a sorted map of dirty keys and RocksDB a
 * second copy of every count, while here a change is a hash update and a mark, and the table the
 * task reads is the store. Kafka Streams flushes every {@link CachedStateStore} right before it
 * commits, so what this store writes at {@link #flushCache} commits in the same transaction as the
 * input offsets behind it, on every path that commits (the interval, a rebalance, a clean close).
 * The store is not persistent: a task restores it from its changelog, which the broker compacts to
 * about one record per count, whenever it starts.
 *
 * <p>Changelog records are the {@link CountKey} bytes and the {@link Count} serde's; a tombstone
 * when a bucket's last paper left. The changelog holds the counts of the finest granularity, from
 * which a restore adds up the others ({@link CountChangelog}). Interactive queries read {@link
 * #get} and a tag's {@link #prefixScan} on other threads: they and every write of the table hold
 * the table's lock, while the task's own reads, on the only thread that writes it, need none.
 */
public final class CountStore
    implements StateStore, ReadOnlyKeyValueStore<Bytes, Count>, CachedStateStore<Bytes, Count> {

  /** Receives each count changed since the last commit, once, as it is written to the changelog. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param count the latest value, null when the bucket's last paper left
     * @param timestamp the timestamp of the record behind the latest change
     */
    void changed(CountKey key, Count count, long timestamp);
  }

  private static final Serializer<Count> VALUES = Count.serde().serializer();
  private static final Deserializer<Count> READ_VALUES = Count.serde().deserializer();

  private final String name;
  private final CountChangelog changelog;
  private final CountTable table = new CountTable();

  /**
   * The code of every count changed since the last flush, to its latest value and the timestamp of
   * its last change: the flush reads this small map, not the table, whose counts are far apart.
   */
  private final LongObjectHashMap<Change> changed = new LongObjectHashMap<>();

  /** A count's latest value (null: no paper left) and the timestamp of the change to it. */
  private record Change(Count count, long timestamp) {}

  private InternalProcessorContext<?, ?> context;
  private Listener listener = (key, count, timestamp) -> {};
  private volatile boolean open;

  /** A store of the counts of {@code granularities}, which decide what its changelog holds. */
  public CountStore(String name, List<Granularity> granularities) {
    this.name = name;
    this.changelog = new CountChangelog(granularities);
  }

  /**
   * A builder of this store of the counts of {@code granularities}, logged to a changelog with
   * {@code changelogConfig}; Kafka Streams creates the changelog and restores the store from it.
   */
  public static StoreBuilder<CountStore> builder(
      String name, List<Granularity> granularities, Map<String, String> changelogConfig) {
    return new Builder(name, granularities, changelogConfig);
  }

  /** The table the task reads. It is written through {@link #put} only. */
  public CountTable table() {
    return table;
  }

  /**
   * Calls {@code listener} for every count written at a flush, as the processor of {@code context}:
   * call from its init. The store flushes right before a commit, outside of the processor's {@code
   * process}, and a processor forwards to the children of the node current in the context; Kafka
   * Streams has no public API for it, and its own aggregations forward from their record cache's
   * flush the same way.
   */
  public void onFlush(ProcessorContext<?, ?> processorContext, Listener listener) {
    InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) processorContext;
    ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
    this.listener =
        (key, count, timestamp) -> {
          ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
          internal.setCurrentNode(node);
          try {
            listener.changed(key, count, timestamp);
          } finally {
            internal.setCurrentNode(previous);
          }
        };
  }

  /**
   * Sets the count under {@code code} ({@link CountTable#code}; null: its last paper left), to be
   * written at the next flush with {@code timestamp}.
   */
  public void put(long code, Count count, long timestamp) {
    table.put(code, count);
    changed.put(code, new Change(count, timestamp));
  }

  /**
   * Writes every count changed since the last flush to the listener, and those the changelog holds
   * ({@link CountChangelog}) to it.
   */
  @Override
  public void flushCache() {
    if (changed.isEmpty()) {
      return;
    }
    for (LongObjectCursor<Change> entry : changed) {
      CountKey key = table.key(entry.key);
      Change change = entry.value;
      if (changelog.logs(key.granularity())) {
        context.logChange(
            name,
            key.bytes(),
            VALUES.serialize(name, change.count()),
            change.timestamp(),
            new RecordHeaders(),
            Position.emptyPosition());
      }
      listener.changed(key, change.count(), change.timestamp());
    }
    changed.clear();
  }

  /** Forgets the changes not yet flushed: Kafka Streams calls it when the task's state is reset. */
  @Override
  public void clearCache() {
    changed.clear();
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Bytes, Count> listener, boolean oldValues) {
    // the store's own listener ({@link #onFlush}) carries decoded keys
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext stateStoreContext, StateStore root) {
    this.context = (InternalProcessorContext<?, ?>) stateStoreContext;
    stateStoreContext.register(
        root,
        (key, value) ->
            changelog.restore(
                table, CountKey.of(Bytes.wrap(key)), READ_VALUES.deserialize(name, value)));
    open = true;
  }

  @Override
  public void flush() {
    // nothing on disk; the changes are written at flushCache, before the commit
  }

  /**
   * Drops every count: a task that Kafka Streams closes and initializes again (after a corrupted
   * state, say) restores the store from its changelog into an empty table, as its in-memory stores
   * do, instead of over counts that may not have been committed.
   */
  @Override
  public void close() {
    table.clear();
    changed.clear();
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public Count get(Bytes key) {
    synchronized (table) {
      return table.get(CountKey.of(key));
    }
  }

  /**
   * The counts whose keys start with {@code prefix}, in key order. A prefix of one tag in one
   * granularity ({@link CountKey#tagPrefix}) reads that tag's counts; any other prefix filters
   * every count.
   */
  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, Count> prefixScan(
      P prefix, PS prefixKeySerializer) {
    Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
    TagSeries series = CountKey.seriesOfPrefix(from);
    if (series != null) {
      List<Map.Entry<CountKey, Count>> counts;
      synchronized (table) {
        counts = table.series(series.granularity(), series.tag());
      }
      List<KeyValue<Bytes, Count>> found = new ArrayList<>();
      for (Map.Entry<CountKey, Count> entry : counts) {
        found.add(KeyValue.pair(entry.getKey().bytes(), entry.getValue()));
      }
      return iterator(found);
    }
    return matching(from, Bytes.increment(from), false);
  }

  @Override
  public KeyValueIterator<Bytes, Count> range(Bytes from, Bytes to) {
    return matching(from, to, true);
  }

  @Override
  public KeyValueIterator<Bytes, Count> all() {
    return matching(null, null, true);
  }

  @Override
  public long approximateNumEntries() {
    synchronized (table) {
      return table.size();
    }
  }

  /** Every count with a key from {@code from} to {@code to} (null: open), in key order. */
  private KeyValueIterator<Bytes, Count> matching(Bytes from, Bytes to, boolean toInclusive) {
    List<KeyValue<Bytes, Count>> found = new ArrayList<>();
    synchronized (table) {
      table.forEach(
          (code, count) -> {
            Bytes bytes = table.key(code).bytes();
            if ((from == null || bytes.compareTo(from) >= 0)
                && (to == null
                    || (toInclusive ? bytes.compareTo(to) <= 0 : bytes.compareTo(to) < 0))) {
              found.add(KeyValue.pair(bytes, count));
            }
          });
    }
    found.sort((a, b) -> a.key.compareTo(b.key));
    return iterator(found);
  }

  /** An iterator over a copy: interactive queries read it after the lock is released. */
  private static KeyValueIterator<Bytes, Count> iterator(List<KeyValue<Bytes, Count>> entries) {
    return new KeyValueIterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < entries.size();
      }

      @Override
      public KeyValue<Bytes, Count> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return entries.get(next++);
      }

      @Override
      public Bytes peekNextKey() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return entries.get(next).key;
      }

      @Override
      public void close() {}
    };
  }

  private static final class Builder implements StoreBuilder<CountStore> {
    private final String name;
    private final List<Granularity> granularities;
    private final Map<String, String> changelogConfig;

    Builder(String name, List<Granularity> granularities, Map<String, String> changelogConfig) {
      this.name = name;
      this.granularities = List.copyOf(granularities);
      this.changelogConfig = Map.copyOf(changelogConfig);
    }

    @Override
    public StoreBuilder<CountStore> withCachingEnabled() {
      throw new UnsupportedOperationException("the count store writes once per commit itself");
    }

    @Override
    public StoreBuilder<CountStore> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<CountStore> withLoggingEnabled(Map<String, String> config) {
      throw new UnsupportedOperationException("the count store's changelog is set when built");
    }

    @Override
    public StoreBuilder<CountStore> withLoggingDisabled() {
      throw new UnsupportedOperationException(
          "the count store is only restored from its changelog");
    }

    @Override
    public CountStore build() {
      return new CountStore(name, granularities);
    }

    @Override
    public Map<String, String> logConfig() {
      return changelogConfig;
    }

    @Override
    public boolean loggingEnabled() {
      return true;
    }

    @Override
    public String name() {
      return name;
    }
  }
}
