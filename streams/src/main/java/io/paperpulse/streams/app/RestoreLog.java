package io.paperpulse.streams.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each store partition that Kafka Streams restores from its changelog: what it has to read
 * when it starts and, when it ends, what it read and how long it took. A restart after a crash
 * under exactly-once restores every store in full, often the longest part of the start; these lines
 * say which store it waits for. A store with nothing to read (a fresh start, or a checkpoint at the
 * changelog's end) is not logged. Called from Kafka Streams' state updater thread.
 */
final class RestoreLog implements StateRestoreListener {

  private static final Logger log = LoggerFactory.getLogger(RestoreLog.class);

  private final Map<TopicPartition, Long> startedNanos = new ConcurrentHashMap<>();

  @Override
  public void onRestoreStart(
      TopicPartition changelog, String store, long startingOffset, long endingOffset) {
    if (endingOffset <= startingOffset) {
      return;
    }
    startedNanos.put(changelog, System.nanoTime());
    log.info(
        "restoring {} partition {} from offset {} to {}",
        store,
        changelog.partition(),
        startingOffset,
        endingOffset);
  }

  @Override
  public void onBatchRestored(
      TopicPartition changelog, String store, long batchEndOffset, long numRestored) {}

  @Override
  public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
    ended(changelog, store, totalRestored, "restored {} partition {}: {} records in {} ms");
  }

  @Override
  public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
    ended(
        changelog,
        store,
        totalRestored,
        "restore of {} partition {} suspended after {} records in {} ms (task moved)");
  }

  private void ended(TopicPartition changelog, String store, long totalRestored, String message) {
    Long started = startedNanos.remove(changelog);
    if (started != null) {
      log.info(
          message,
          store,
          changelog.partition(),
          totalRestored,
          (System.nanoTime() - started) / 1_000_000);
    }
  }
}
