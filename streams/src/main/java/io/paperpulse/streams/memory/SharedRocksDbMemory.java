package io.paperpulse.streams.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The native memory every RocksDB store of this process shares: one LRU block cache, and a write
 * buffer manager that charges memtables to that same cache, so blocks, index and filter blocks and
 * memtables together stay near one capacity however many stores and tasks there are.
 *
 * <p>One instance per capacity for the life of the JVM: stores open and close as tasks move, and a
 * store closing must not free memory other stores still point at, so nothing here is ever closed. A
 * process normally asks for a single capacity; applications started one after the other in one JVM
 * (tests, the benchmark) with the same capacity share one bound.
 */
public final class SharedRocksDbMemory {

  /** Share of the block cache kept for index and filter blocks, which are needed on every read. */
  static final double HIGH_PRIORITY_RATIO = 0.1;

  /** Memtables may take up to this share of the capacity before the manager forces flushes. */
  static final double WRITE_BUFFER_SHARE = 0.5;

  private static final Map<Long, SharedRocksDbMemory> BY_CAPACITY = new ConcurrentHashMap<>();

  private final long capacityBytes;
  private final Cache cache;
  private final WriteBufferManager writeBufferManager;

  private SharedRocksDbMemory(long capacityBytes) {
    RocksDB.loadLibrary();
    this.capacityBytes = capacityBytes;
    // Not a strict limit: a strict cache fails reads and writes once full instead of evicting late.
    this.cache = new LRUCache(capacityBytes, -1, false, HIGH_PRIORITY_RATIO);
    this.writeBufferManager = new WriteBufferManager(writeBufferBytes(), cache);
  }

  /** The shared memory of the given capacity, created on first use. */
  public static SharedRocksDbMemory ofCapacity(long capacityBytes) {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("RocksDB memory must be positive, got " + capacityBytes);
    }
    return BY_CAPACITY.computeIfAbsent(capacityBytes, SharedRocksDbMemory::new);
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  /** Bytes the memtable budget allows before flushes are forced. */
  public long writeBufferBytes() {
    return (long) (capacityBytes * WRITE_BUFFER_SHARE);
  }

  /** Bytes currently held in the shared cache, memtable reservations included. */
  public long usageBytes() {
    return cache.getUsage();
  }

  Cache cache() {
    return cache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBufferManager;
  }
}
