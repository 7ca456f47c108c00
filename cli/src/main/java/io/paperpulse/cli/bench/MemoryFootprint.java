package io.paperpulse.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of this process: heap in use after a full collection (live objects, not garbage waiting to
 * be collected) and resident set size as the kernel counts it, which includes the heap as
 * committed, RocksDB's native memory, thread stacks and mapped files.
 *
 * @param heapUsedBytes heap in use after garbage collection
 * @param rssBytes resident set size (VmRSS), or -1 where /proc is not available
 */
public record MemoryFootprint(long heapUsedBytes, long rssBytes) {

  private static final Path STATUS = Path.of("/proc/self/status");

  public static MemoryFootprint measure() {
    // Two rounds: the first may only finalize and enqueue what the second then reclaims.
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new MemoryFootprint(heap, residentSetBytes());
  }

  static long residentSetBytes() {
    try {
      return parseVmRss(Files.readAllLines(STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }

  /** VmRSS from the lines of /proc/self/status ("VmRSS: 123456 kB"), in bytes; -1 if absent. */
  static long parseVmRss(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    return -1;
  }
}
