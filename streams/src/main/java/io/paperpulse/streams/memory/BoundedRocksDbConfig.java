package io.paperpulse.streams.memory;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Bounds the native memory of all RocksDB stores of the process. By default Kafka Streams gives
 * every store its own block cache and memtables, so memory grows with the number of stores times
 * partitions; here they all draw on one {@link SharedRocksDbMemory} of {@value
 * #MEMORY_BYTES_CONFIG} bytes (default {@value #DEFAULT_MEMORY_BYTES}).
 *
 * <p>Index and filter blocks live in the cache too (with high priority, top level pinned) instead
 * of on the heap of each open table file, where they grow with the data.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

  /** Streams setting: bytes of block cache and memtables shared by all stores of the process. */
  public static final String MEMORY_BYTES_CONFIG =
      PaperPulseStreamsConfig.ROCKSDB_MEMORY_BYTES_CONFIG;

  public static final long DEFAULT_MEMORY_BYTES =
      PaperPulseStreamsConfig.ROCKSDB_MEMORY_BYTES_DEFAULT;

  /** Memtables per store, as Kafka Streams' default: one active, up to two being flushed. */
  private static final int WRITE_BUFFERS_PER_STORE = 3;

  /**
   * A single store's memtable is at most this share of the memtable budget, so no store starves the
   * rest.
   */
  private static final int WRITE_BUFFER_DIVISOR = 8;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    SharedRocksDbMemory memory = SharedRocksDbMemory.ofCapacity(memoryBytes(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(memory.writeBufferManager());
    options.setWriteBufferSize(
        Math.min(options.writeBufferSize(), memory.writeBufferBytes() / WRITE_BUFFER_DIVISOR));
    options.setMaxWriteBufferNumber(WRITE_BUFFERS_PER_STORE);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared with the other stores and outlive this one.
  }

  /** The configured capacity, or the default when the setting is absent. */
  public static long memoryBytes(Map<String, ?> configs) {
    Object value = configs.get(MEMORY_BYTES_CONFIG);
    if (value == null) {
      return DEFAULT_MEMORY_BYTES;
    }
    long bytes;
    try {
      bytes =
          value instanceof Number number
              ? number.longValue()
              : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(MEMORY_BYTES_CONFIG, value, "expected a number of bytes");
    }
    if (bytes <= 0) {
      throw new ConfigException(MEMORY_BYTES_CONFIG, value, "must be positive");
    }
    return bytes;
  }
}
