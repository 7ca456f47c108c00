package io.paperpulse.cli.bench;

import java.util.Arrays;

/** A growing array of longs, written by one thread and copied out under its lock by another. */
final class LongSamples {

  private long[] values = new long[1024];
  private int size;

  synchronized void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  synchronized long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
