package io.paperpulse.streams.trending;

import io.paperpulse.schema.TrendingEntries;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking entries computed in one emission, grouped by ranking. A tag scored twice in one
 * bucket (two of its changed counts share a window) keeps one entry, the same either way since
 * every score of an emission reads the same counts.
 */
public final class RankingUpdates {

  /** Receives one batch of entries of one ranking. */
  @FunctionalInterface
  public interface BatchConsumer {
    void accept(TrendingKey key, TrendingEntries entries, long timestamp);
  }

  private final int maxEntriesPerBatch;
  private final Map<TrendingKey, Ranking> rankings = new LinkedHashMap<>();

  /** @param maxEntriesPerBatch entries per record at most, so a busy bucket stays a small record */
  public RankingUpdates(int maxEntriesPerBatch) {
    if (maxEntriesPerBatch < 1) {
      throw new IllegalArgumentException("maxEntriesPerBatch must be positive: " + maxEntriesPerBatch);
    }
    this.maxEntriesPerBatch = maxEntriesPerBatch;
  }

  /** Adds or replaces the tag's entry in the ranking {@code key}, caused by a record of this timestamp. */
  public void put(TrendingKey key, TrendingTag entry, long timestamp) {
    Ranking ranking = rankings.computeIfAbsent(key, k -> new Ranking());
    ranking.entries.put(entry.getTag(), entry);
    ranking.timestamp = Math.max(ranking.timestamp, timestamp);
  }

  /**
   * Hands the entries to {@code consumer}, in batches of at most {@code maxEntriesPerBatch} per
   * ranking, each with the latest timestamp behind the ranking's entries.
   */
  public void forEachBatch(BatchConsumer consumer) {
    rankings.forEach((key, ranking) -> {
      List<TrendingTag> batch = new ArrayList<>(Math.min(ranking.entries.size(), maxEntriesPerBatch));
      for (TrendingTag entry : ranking.entries.values()) {
        batch.add(entry);
        if (batch.size() == maxEntriesPerBatch) {
          consumer.accept(key, new TrendingEntries(batch), ranking.timestamp);
          batch = new ArrayList<>(maxEntriesPerBatch);
        }
      }
      if (!batch.isEmpty()) {
        consumer.accept(key, new TrendingEntries(batch), ranking.timestamp);
      }
    });
  }

  private static final class Ranking {
    private final Map<String, TrendingTag> entries = new LinkedHashMap<>();
    private long timestamp = Long.MIN_VALUE;
  }
}
