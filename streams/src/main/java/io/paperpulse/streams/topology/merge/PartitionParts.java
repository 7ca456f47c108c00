package io.paperpulse.streams.topology.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The latest part of each partition for one bucket: what a top N of the whole bucket is merged
 * from. Each partition publishes its own top N of the bucket when it changes; a merge keeps only
 * the newest part per partition, so the union always holds every partition's current top N.
 */
public final class PartitionParts {

  private PartitionParts() {}

  /**
   * {@code parts} with the part of {@code part}'s partition replaced by it, in partition order;
   * null when no partition has anything left in the bucket.
   */
  public static <P> List<P> replace(
      List<P> parts, P part, ToIntFunction<P> partition, Predicate<P> empty) {
    List<P> next = new ArrayList<>(parts.size() + 1);
    for (P kept : parts) {
      if (partition.applyAsInt(kept) != partition.applyAsInt(part)) {
        next.add(kept);
      }
    }
    if (!empty.test(part)) {
      next.add(part);
    }
    if (next.isEmpty()) {
      return null;
    }
    next.sort(Comparator.comparingInt(partition));
    return next;
  }
}
